import { recordTypeLabels } from '../../domain/recordTypes.ts';
import type { PreviewRow } from '../../db/exchangeImport.ts';

const changeLabels: Record<PreviewRow['change'], string> = {
  new: '新規',
  updated: '更新',
  unchanged: '変更なし',
  conflict: '競合（両方を残します）',
  refused: '取り込めません',
};

const order: PreviewRow['change'][] = ['refused', 'conflict', 'new', 'updated', 'unchanged'];
const SHOWN = 500;

/** The per-record lines of an import preview; unchanged ones last, long lists cut. */
export function ImportPreviewTable({ rows }: { rows: readonly PreviewRow[] }) {
  const sorted = [...rows].sort((a, b) => order.indexOf(a.change) - order.indexOf(b.change));
  const shown = sorted.slice(0, SHOWN);
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">取り込まれる記録（{rows.length}件）</caption>
        <thead>
          <tr>
            <th scope="col">結果</th>
            <th scope="col">種類</th>
            <th scope="col">件名・名前</th>
            <th scope="col">理由</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={`${row.type}/${row.id}/${row.change}`}>
              <td className={`change-${row.change}`}>{changeLabels[row.change]}</td>
              <td>{recordTypeLabels[row.type]}</td>
              <td>{row.title}</td>
              <td>{row.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > SHOWN ? <p>ほか {sorted.length - SHOWN}件（表示を省略）</p> : null}
    </div>
  );
}
