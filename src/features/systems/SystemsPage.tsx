import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import { deleteRecord } from '../../db/records.ts';
import { describeStorageError } from '../../db/errors.ts';
import { continuityPriorityLabels, formatRto } from '../../domain/system.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { isOpenStatus } from '../../domain/incidentStatus.ts';
import { Banner } from '../common/Banner.tsx';
import { ConfirmBox } from '../common/ConfirmBox.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';

const priorityOrder = { highest: 0, high: 1, normal: 2 } as const;

/** システム: the register of business systems (様式1 情報システム一覧). */
export function SystemsPage() {
  usePageTitle('システム');
  const systems = useLiveRecords('system');
  const incidents = useLiveRecords('incident');
  const contacts = useLiveRecords('contact');
  const procedures = useLiveRecords('procedure');
  const [confirming, setConfirming] = useState<RecordOf<'system'> | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const sorted = useMemo(
    () =>
      [...(systems ?? [])].sort(
        (a, b) =>
          priorityOrder[a.continuityPriority] - priorityOrder[b.continuityPriority] ||
          a.name.localeCompare(b.name, 'ja'),
      ),
    [systems],
  );
  const countBy = (list: { systemIds?: string[]; systemId?: string }[] | undefined, id: string) =>
    (list ?? []).filter((r) => r.systemId === id || r.systemIds?.includes(id)).length;
  const openIncidents = (id: string) =>
    (incidents ?? []).filter((i) => i.systemId === id && isOpenStatus(i.status)).length;

  async function confirmDelete(system: RecordOf<'system'>) {
    try {
      await deleteRecord('system', system.id, system.rev);
      setMessage({ kind: 'success', text: `「${system.name}」を削除しました。` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
    setConfirming(null);
  }

  return (
    <section>
      <div className="page-heading">
        <h1>システム</h1>
        <Link className="button primary" to="/systems/new">
          システムを登録
        </Link>
      </div>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      {systems === undefined ? (
        <p role="status">読み込み中…</p>
      ) : sorted.length === 0 ? (
        <p>まだシステムが登録されていません。「システムを登録」から追加してください。</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">
              登録されているシステム（{sorted.length}件）
            </caption>
            <thead>
              <tr>
                <th scope="col">システム名</th>
                <th scope="col">所管課</th>
                <th scope="col">ベンダー</th>
                <th scope="col">優先度</th>
                <th scope="col">目標復旧時間</th>
                <th scope="col">連絡先・手順</th>
                <th scope="col">未解決の障害</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((system) => (
                <tr key={system.id}>
                  <th scope="row">{system.name}</th>
                  <td>{system.department || '—'}</td>
                  <td>{system.vendor || '—'}</td>
                  <td>{continuityPriorityLabels[system.continuityPriority]}</td>
                  <td>{formatRto(system.rtoHours)}</td>
                  <td>
                    連絡先 {countBy(contacts, system.id)}件・手順 {countBy(procedures, system.id)}件
                  </td>
                  <td>{openIncidents(system.id)}件</td>
                  <td className="row-actions">
                    <Link to={`/systems/${system.id}/edit`} aria-label={`${system.name}を編集`}>
                      編集
                    </Link>
                    <button
                      type="button"
                      className="link-button danger"
                      onClick={() => setConfirming(system)}
                      aria-label={`${system.name}を削除`}
                    >
                      削除
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming ? (
        <ConfirmBox
          confirmLabel="削除する"
          onConfirm={() => void confirmDelete(confirming)}
          onCancel={() => setConfirming(null)}
        >
          「{confirming.name}」を削除しますか？
          {countBy(incidents, confirming.id) > 0
            ? ` このシステムの障害記録が${countBy(incidents, confirming.id)}件あります。記録は残り、システム名は「削除済み」と表示されます。`
            : ''}
        </ConfirmBox>
      ) : null}
    </section>
  );
}
