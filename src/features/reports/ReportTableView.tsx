import type { CsvCell } from '../../exchange/csv.ts';
import type { ReportTable } from './reportTables.ts';

function cellText(value: CsvCell): string {
  return value === null ? '' : String(value);
}

/**
 * A report table: the accessible, Excel-friendly twin of a chart (the same rows its CSV holds).
 * Numbers align right so they compare at a glance.
 */
export function ReportTableView({
  table,
  className = 'table report-table',
}: {
  table: ReportTable;
  /** 'print-table report-table' on paper. */
  className?: string;
}) {
  return (
    <table className={className}>
      {/* Each table sits under a heading of the same words: the caption is for screen readers. */}
      <caption className="visually-hidden">{table.title}</caption>
      <thead>
        <tr>
          {table.header.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr>
            <td colSpan={table.header.length}>該当する障害はありません。</td>
          </tr>
        ) : null}
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row">
                  {cellText(cell)}
                </th>
              ) : (
                <td key={c} className={typeof cell === 'number' ? 'num' : undefined}>
                  {cellText(cell)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {table.footer ? (
        <tfoot>
          <tr>
            {table.footer.map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row">
                  {cellText(cell)}
                </th>
              ) : (
                <td key={c} className="num">
                  {cellText(cell)}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
