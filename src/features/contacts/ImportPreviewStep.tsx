import { contactFieldLabels } from '../../domain/contact.ts';
import { formatBusinessHours } from '../../domain/businessHours.ts';
import {
  contactImportChangeLabels,
  type ContactImportNote,
  type ContactImportPlan,
} from '../../db/contactImport.ts';

/** How many rows the preview table shows; the counts above it always cover every row. */
const SHOWN_ROWS = 200;

/** 「新規 3件・更新 1件・変更なし 5件・取り込めない行 2件」 */
export function describeImportCounts(plan: ContactImportPlan, refused: number): string {
  const { counts } = plan;
  return `新規 ${counts.new}件・更新 ${counts.updated}件・変更なし ${counts.unchanged}件・取り込めない行 ${refused}件`;
}

function NoteList({ title, notes }: { title: string; notes: readonly ContactImportNote[] }) {
  if (notes.length === 0) return null;
  return (
    <section className="card import-notes" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {notes.map((note, i) => (
          <li key={`${note.line}-${i}`}>{note.message}</li>
        ))}
      </ul>
    </section>
  );
}

/** Step 3 of the import: what would change, row by row, and the rows that are left out. */
export function ImportPreviewStep({
  plan,
  refused,
  refusedRows,
}: {
  plan: ContactImportPlan;
  /** Why rows are refused (by their own checks and by the plan), sorted by line. */
  refused: readonly ContactImportNote[];
  /** How many rows are refused (a row may have several reasons). */
  refusedRows: number;
}) {
  const rows = plan.rows.slice(0, SHOWN_ROWS);
  return (
    <>
      <p className="import-counts">
        <strong>{describeImportCounts(plan, refusedRows)}</strong>
      </p>
      <NoteList
        title={`取り込めない行 ${refusedRows}行（この行は取り込みません）`}
        notes={refused}
      />
      <NoteList
        title={`取り込んだあとに確かめること（${plan.warnings.length}件）`}
        notes={plan.warnings}
      />
      {plan.rows.length > SHOWN_ROWS ? (
        <p className="hint">
          先頭の{SHOWN_ROWS}件を表示しています（全{plan.rows.length}件）。
        </p>
      ) : null}
      {rows.length ? (
        <div className="table-scroll">
          <table className="table import-table">
            <caption className="visually-hidden">取り込む内容</caption>
            <thead>
              <tr>
                <th scope="col">行</th>
                <th scope="col">結果</th>
                <th scope="col">{contactFieldLabels.name}</th>
                <th scope="col">{contactFieldLabels.organization}</th>
                <th scope="col">{contactFieldLabels.phones}</th>
                <th scope="col">{contactFieldLabels.businessHours}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.line} className={`change-${row.change}`}>
                  <td>{row.line}</td>
                  <td>{contactImportChangeLabels[row.change]}</td>
                  <th scope="row">{row.data.name}</th>
                  <td>{row.data.organization}</td>
                  <td>{row.data.phones.map((p) => p.number).join('、')}</td>
                  <td>{formatBusinessHours(row.data.businessHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
