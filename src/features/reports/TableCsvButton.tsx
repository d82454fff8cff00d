import { useState } from 'react';
import { csvBytes, toCsv } from '../../exchange/csv.ts';
import { downloadFile } from '../exchange/download.ts';
import type { ReportTable } from './reportTables.ts';

/**
 * Writes one report table as CSV for Excel (UTF-8 BOM, CRLF, formulas neutralised: csv.ts). The
 * tables hold counts and codes, no personal data, so nothing is asked first (PRODUCT.md,
 * decision 4 asks only for files with personal data).
 */
export function TableCsvButton({ table, fileSuffix }: { table: ReportTable; fileSuffix: string }) {
  const [written, setWritten] = useState<string | null>(null);
  function write() {
    const name = `報告_${table.name}_${fileSuffix}.csv`;
    const rows = table.footer ? [...table.rows, table.footer] : table.rows;
    downloadFile(name, csvBytes(toCsv(table.header, rows)) as BlobPart, 'text/csv;charset=utf-8');
    setWritten(name);
  }
  return (
    <p className="report-csv">
      <button type="button" onClick={write} aria-label={`「${table.title}」をCSVで書き出す`}>
        CSVで書き出す
      </button>
      {written ? <span role="status">「{written}」を書き出しました。</span> : null}
    </p>
  );
}
