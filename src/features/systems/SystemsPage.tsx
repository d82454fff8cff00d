import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import { deleteRecord } from '../../db/records.ts';
import { describeStorageError } from '../../db/errors.ts';
import { continuityPriorityLabels, formatRto } from '../../domain/system.ts';
import { compareSystemsByPriority } from '../../domain/systemRules.ts';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { isOpenStatus } from '../../domain/incidentStatus.ts';
import { Banner } from '../common/Banner.tsx';
import { ConfirmBox } from '../common/ConfirmBox.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';

/** システム: the register of business systems (様式1 情報システム一覧). */
export function SystemsPage() {
  usePageTitle('システム');
  const systems = useLiveRecords('system');
  const incidents = useLiveRecords('incident');
  const contacts = useLiveRecords('contact');
  const procedures = useLiveRecords('procedure');
  const [confirming, setConfirming] = useState<RecordOf<'system'> | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const canEdit = useCanEditMasterData();
  const sorted = useMemo(() => [...(systems ?? [])].sort(compareSystemsByPriority), [systems]);
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
        {canEdit ? (
          <Link className="button primary" to="/systems/new">
            システムを登録
          </Link>
        ) : null}
      </div>
      {canEdit === false ? <ReadOnlyNotice what="システムの一覧" /> : null}
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      {systems === undefined || canEdit === undefined ? (
        <p role="status">読み込み中…</p>
      ) : sorted.length === 0 ? (
        <div className="notice">
          <p>まだシステムが登録されていません。</p>
          {canEdit ? (
            <p>
              障害を記録するには、まず止まる可能性のある業務システム（例:
              住民記録システム、税務システム）を
              「システムを登録」から登録してください。システムごとに連絡先と代替手順を結び付けられます。
            </p>
          ) : (
            <p>
              システムの一覧は情報システム担当が配布します。「データ交換」で情報システム担当のファイルを取り込んでください。
            </p>
          )}
        </div>
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
                  <th scope="row">
                    <Link to={`/systems/${system.id}`}>{system.name}</Link>
                  </th>
                  <td>{system.department || '—'}</td>
                  <td>{system.vendor || '—'}</td>
                  <td>{continuityPriorityLabels[system.continuityPriority]}</td>
                  <td>{formatRto(system.rtoHours)}</td>
                  <td>
                    連絡先 {countBy(contacts, system.id)}件・手順 {countBy(procedures, system.id)}件
                  </td>
                  <td>{openIncidents(system.id)}件</td>
                  <td className="row-actions">
                    <Link
                      to={`/outage/${system.id}`}
                      aria-label={`${system.name}の障害発生時の画面`}
                    >
                      障害発生時
                    </Link>
                    {canEdit ? (
                      <>
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
                      </>
                    ) : null}
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
