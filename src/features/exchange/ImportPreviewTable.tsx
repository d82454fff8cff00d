import { recordTypeLabels } from '../../domain/recordTypes.ts';
import type { PreviewRow } from '../../db/exchangeImport.ts';
import { escapeControlCharacters } from '../../exchange/safeText.ts';
import { describeAuthor, shortRev } from '../../domain/audit.ts';

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
  // A department key replacing someone else's version comes first: it is what to check.
  const rank = (row: PreviewRow) => (row.warning ? -1 : order.indexOf(row.change));
  const sorted = [...rows].sort((a, b) => rank(a) - rank(b));
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
            <th scope="col">置き換える版（署名・作成）</th>
            <th scope="col">新しい版（署名）</th>
            <th scope="col">理由</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={`${row.type}/${row.id}/${row.change}`}>
              <td className={`change-${row.change}`}>
                {changeLabels[row.change]}
                {row.warning ? (
                  <div>
                    <strong>注意: {escapeControlCharacters(row.warning)}</strong>
                  </div>
                ) : null}
              </td>
              <td>{recordTypeLabels[row.type]}</td>
              {/* Titles come from the file: control and bidi characters are shown, not obeyed. */}
              <td>{escapeControlCharacters(row.title)}</td>
              <td>{versionCell(row.replaced)}</td>
              <td>{versionCell(row.incoming)}</td>
              <td>{escapeControlCharacters(row.reason ?? row.note ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > SHOWN ? <p>ほか {sorted.length - SHOWN}件（表示を省略）</p> : null}
    </div>
  );
}

/** 版 3-1a2b3c4d and who signed or made it; labels come from files, so they are escaped. */
function versionCell(version: PreviewRow['replaced']) {
  if (!version) return '—';
  return `${shortRev(version.rev)}・${escapeControlCharacters(describeAuthor(version.by))}`;
}
