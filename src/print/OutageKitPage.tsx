import { useParams, useSearchParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../db/hooks.ts';
import type { Station } from '../domain/station.ts';
import { RecordNotFound } from '../features/common/RecordNotFound.tsx';
import { OutageKit } from './OutageKit.tsx';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';
import { SheetCountControl } from './SheetCountControl.tsx';
import { parseSheetCount } from './printOptions.ts';

/**
 * /print/outage-kit/:systemId?sheets=N&procedure=ID — the outage kit of one system, printed by
 * itself as soon as its records are loaded (`&auto=0` to only look at it).
 */
export function OutageKitPage({ station }: { station: Station }) {
  const { systemId = '' } = useParams();
  const [search] = useSearchParams();
  const system = useLiveRecord('system', systemId);
  const procedures = useLiveRecords('procedure');
  const contacts = useLiveRecords('contact');
  const levels = useLiveRecords('incidentLevel');
  const printedAt = usePrintedAt();
  const sheets = parseSheetCount(search);
  const isLoaded =
    system !== undefined &&
    procedures !== undefined &&
    contacts !== undefined &&
    levels !== undefined;
  const name = system ? `${system.name} 障害時キット` : '障害時キット';

  return (
    <PrintPage
      title={name}
      backTo={`/outage/${encodeURIComponent(systemId)}`}
      ready={isLoaded && system !== null}
      footer={`${station.municipality} ${name}`}
      printedAt={printedAt}
      tools={<SheetCountControl value={sheets} min={0} />}
    >
      {system === null ? (
        <div className="print-paper">
          <RecordNotFound what="このシステム" backTo="/outage" />
        </div>
      ) : isLoaded ? (
        <OutageKit
          municipality={station.municipality}
          system={system}
          procedures={procedures}
          contacts={contacts}
          levels={levels}
          procedureId={search.get('procedure')}
          sheets={sheets}
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
