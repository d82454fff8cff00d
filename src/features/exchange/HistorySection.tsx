import { ConfirmBox } from '../common/ConfirmBox.tsx';
import { useEffect, useState } from 'react';
import { useImportHistory } from '../../db/exchangeHistory.ts';
import {
  pruneExpiredSnapshots,
  restoreSnapshot,
  useSnapshots,
  type SnapshotSummary,
} from '../../db/snapshots.ts';
import { describeStorageError } from '../../db/errors.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { escapeControlCharacters as shown } from '../../exchange/safeText.ts';
import { Banner } from '../common/Banner.tsx';
import { describeCounts } from './ImportSection.tsx';

/** 取り込み履歴 and the automatic pre-import snapshots (「取り込み前に戻す」). */
export function HistorySection() {
  const history = useImportHistory();
  const snapshots = useSnapshots();
  const [confirming, setConfirming] = useState<SnapshotSummary | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  // States older than the retention period go before they are offered (decision 5).
  useEffect(() => {
    pruneExpiredSnapshots().catch(() => undefined);
  }, []);

  async function restore(snapshot: SnapshotSummary) {
    setConfirming(null);
    try {
      await restoreSnapshot(snapshot.seq);
      setMessage({
        kind: 'success',
        text: `「${shown(snapshot.fileName)}」を取り込む前の状態に戻しました。`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">取り込み履歴</h2>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      {!history ? null : history.length === 0 ? (
        <p>まだ取り込んだファイルはありません。</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">ファイル</th>
                <th scope="col">発行元</th>
                <th scope="col">通し番号</th>
                <th scope="col">結果</th>
              </tr>
            </thead>
            <tbody>
              {history.map((row) => (
                <tr key={row.seq}>
                  <td>{formatDateTimeShort(row.at)}</td>
                  {/* File names and labels come from files: control and bidi characters shown. */}
                  <td>
                    {shown(row.fileName)}
                    {/* To match the sender's 持ち出し記録 (its SHA-256s), decision 4. */}
                    {row.encryptedSha256 ? (
                      <span className="history-hash">
                        暗号化ファイル SHA-256:{' '}
                        <code className="sha256">{row.encryptedSha256}</code>
                      </span>
                    ) : null}
                    <span className="history-hash">
                      {row.encryptedSha256 ? '中のファイル' : ''}SHA-256:{' '}
                      <code className="sha256">{row.sha256}</code>
                    </span>
                  </td>
                  <td>{shown(row.issuerLabel)}</td>
                  <td>{row.sequence}</td>
                  <td>
                    {describeCounts(row.counts)}
                    {row.undoneAt ? `（${formatDateTimeShort(row.undoneAt)} に取り消し）` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {snapshots && snapshots.length > 0 ? (
        <>
          <h3>取り込み前の状態（直近{snapshots.length}件）</h3>
          <p className="hint">
            取り込みで変わった記録の元の内容です。配布設定で決めた日数（既定90日）を過ぎると消えます。
          </p>
          <ul className="snapshot-list">
            {snapshots.map((snapshot) => (
              <li key={snapshot.seq}>
                {formatDateTimeShort(snapshot.at)}「{shown(snapshot.fileName)}」の取り込み前{' '}
                <button type="button" onClick={() => setConfirming(snapshot)}>
                  取り込み前に戻す
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {confirming ? (
        <ConfirmBox
          confirmLabel="戻す"
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        >
          「{shown(confirming.fileName)}」を取り込む前の状態に戻しますか？
          それ以降の取り込みも取り消されます。取り込みで変わった記録は取り込み前の内容に戻り、
          その記録にあとから加えた変更も消えます（取り込みと関係のない記録の変更は残ります）。
        </ConfirmBox>
      ) : null}
    </section>
  );
}
