import { useSearchParams } from 'react-router';
import { useLiveRecords } from '../db/hooks.ts';
import type { Station } from '../domain/station.ts';
import { IncidentSheet } from './IncidentSheet.tsx';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';
import { SheetCountControl } from './SheetCountControl.tsx';
import { levelPrintRows } from './kitContent.ts';
import { parseSheetCount } from './printOptions.ts';

/** /print/incident-sheet?sheets=N — blank 障害記録票, one per A4 page, printed by itself. */
export function IncidentSheetPage({ station }: { station: Station }) {
  const [search] = useSearchParams();
  const levels = useLiveRecords('incidentLevel');
  const printedAt = usePrintedAt();
  const sheets = parseSheetCount(search, 1);
  const levelRows = levelPrintRows(levels ?? []);

  return (
    <PrintPage
      title="障害記録票（白紙）"
      backTo="/outage"
      ready={levels !== undefined}
      footer={`${station.municipality} 障害記録票`}
      printedAt={printedAt}
      tools={<SheetCountControl value={sheets} min={1} />}
    >
      <h1 className="visually-hidden">障害記録票（白紙）</h1>
      {levels === undefined ? (
        <p className="print-loading" role="status">
          読み込み中…
        </p>
      ) : (
        Array.from({ length: sheets }, (_, i) => (
          <IncidentSheet
            key={i}
            municipality={station.municipality}
            printedAt={printedAt}
            levels={levelRows}
          />
        ))
      )}
    </PrintPage>
  );
}
