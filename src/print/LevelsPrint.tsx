import { incidentLevelFieldLabels as labels } from '../domain/incidentLevel.ts';
import type { LevelPrintRow } from './kitContent.ts';
import { PrintSection } from './PrintSection.tsx';

/** The level guide on paper: criteria, what to do, and whom to tell within how long. */
export function LevelsPrint({ rows }: { rows: readonly LevelPrintRow[] }) {
  return (
    <PrintSection heading="障害レベルの目安">
      {rows.length === 0 ? (
        <p className="print-empty">障害レベルは登録されていません。</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col" className="col-level">
                {labels.level}
              </th>
              <th scope="col">{labels.criteria}</th>
              <th scope="col">{labels.actions}</th>
              <th scope="col" className="col-notify">
                連絡先と期限
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="col-level">
                  レベル{row.level}
                  <span className="print-sub">{row.name}</span>
                </th>
                <td>{row.criteria}</td>
                <td>{row.actions}</td>
                <td>
                  {row.notify}
                  <strong className="print-sub">{row.deadline}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PrintSection>
  );
}
