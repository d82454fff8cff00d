import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { AuditEntry } from '../../domain/audit.ts';
import type { Station } from '../../domain/station.ts';
import { loadExportRelease } from '../../db/exportProtection.ts';
import { DocumentHeader } from '../../print/DocumentHeader.tsx';
import { PrintPage, usePrintedAt } from '../../print/PrintPage.tsx';
import { DataReleaseFacts } from './DataReleaseFacts.tsx';

/** The print route of one 持ち出し記録 (issue 16). */
export function dataReleasePrintPath(seq: number): string {
  return `/print/data-release/${seq}`;
}

/** /print/data-release/:seq — one 持ち出し記録 on A4, to file with the media log. */
export function DataReleasePrintPage({ station }: { station: Station }) {
  const { seq } = useParams();
  const printedAt = usePrintedAt();
  const [entry, setEntry] = useState<AuditEntry | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadExportRelease(Number(seq)).then((found) => live && setEntry(found));
    return () => {
      live = false;
    };
  }, [seq]);
  return (
    <PrintPage
      title="持ち出し記録"
      backTo="/exchange"
      ready={entry !== undefined && entry !== null}
      footer={`${station.municipality} 持ち出し記録`}
      printedAt={printedAt}
    >
      <div className="print-paper">
        <DocumentHeader
          municipality={station.municipality}
          documentName="持ち出し記録"
          printedAt={printedAt}
        />
        {entry === undefined ? (
          <p role="status">読み込み中…</p>
        ) : entry === null ? (
          <p role="alert">この持ち出し記録は見つかりません。</p>
        ) : (
          <>
            <DataReleaseFacts entry={entry} />
            <p className="data-release-sign">
              確認者（署名）: {'＿'.repeat(12)}
              {'\u3000\u3000'}受領者（署名）: {'＿'.repeat(12)}
            </p>
          </>
        )}
      </div>
    </PrintPage>
  );
}
