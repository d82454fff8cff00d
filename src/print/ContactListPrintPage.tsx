import { useSearchParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../db/hooks.ts';
import type { Station } from '../domain/station.ts';
import { RecordNotFound } from '../features/common/RecordNotFound.tsx';
import { ContactList } from './ContactList.tsx';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';
import { contactListGroups, lastUpdatedFact } from './contactListContent.ts';
import './reports.css';

/**
 * /print/contacts(?system=ID) — 緊急連絡先一覧 (様式9): every contact, or those covering one
 * system in the order to call them; printed by itself once loaded (`auto=0` to only look).
 */
export function ContactListPrintPage({ station }: { station: Station }) {
  const [search] = useSearchParams();
  const systemId = search.get('system');
  const contacts = useLiveRecords('contact');
  const systems = useLiveRecords('system');
  // A filter naming no system must not print every contact under that system's name.
  const system = useLiveRecord('system', systemId ?? undefined);
  const printedAt = usePrintedAt();
  const isLoaded = contacts !== undefined && systems !== undefined && system !== undefined;
  const isMissing = systemId !== null && system === null;
  const listed = systemId
    ? (contacts ?? []).filter((c) => c.systemIds.includes(systemId))
    : (contacts ?? []);

  return (
    <PrintPage
      title={system ? `${system.name} 緊急連絡先一覧` : '緊急連絡先一覧'}
      backTo="/contacts"
      ready={isLoaded && !isMissing}
      footer={`${station.municipality} 緊急連絡先一覧`}
      printedAt={printedAt}
    >
      {isMissing ? (
        <div className="print-paper">
          <RecordNotFound what="このシステム" backTo="/contacts" />
        </div>
      ) : isLoaded ? (
        <ContactList
          municipality={station.municipality}
          subject={system?.name}
          groups={contactListGroups(contacts, systems, systemId)}
          facts={[{ label: '件数', value: `${listed.length}件` }, lastUpdatedFact(listed)]}
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
