import { useLiveRecords } from '../db/hooks.ts';
import type { Station } from '../domain/station.ts';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';
import { WalletCard } from './WalletCard.tsx';
import { lastUpdatedFact } from './contactListContent.ts';
import { walletCardContent } from './walletCardContent.ts';
import './reports.css';

/** /print/wallet-card — the folding wallet card, printed by itself once the contacts are loaded. */
export function WalletCardPage({ station }: { station: Station }) {
  const contacts = useLiveRecords('contact');
  const systems = useLiveRecords('system');
  const printedAt = usePrintedAt();
  const isLoaded = contacts !== undefined && systems !== undefined;

  return (
    <PrintPage
      title="携帯用緊急連絡先カード"
      backTo="/contacts"
      ready={isLoaded}
      footer={`${station.municipality} 携帯用緊急連絡先カード`}
      printedAt={printedAt}
    >
      {isLoaded ? (
        <WalletCard
          municipality={station.municipality}
          content={walletCardContent(contacts, systems)}
          facts={[lastUpdatedFact(contacts)]}
          printedAt={printedAt}
        />
      ) : (
        <p className="print-loading" role="status">
          読み込み中…
        </p>
      )}
    </PrintPage>
  );
}
