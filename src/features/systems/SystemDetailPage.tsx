import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../../db/hooks.ts';
import { continuityPriorityLabels, formatRto } from '../../domain/system.ts';
import { systemFieldLabels } from '../../domain/system.ts';
import { isOpenStatus } from '../../domain/incidentStatus.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { DeleteRecordButton } from '../common/DeleteRecordButton.tsx';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { ContactCallList } from '../contacts/ContactCallList.tsx';
import { StatusBadge } from '../incidents/StatusBadge.tsx';
import { KnownProblems } from '../incidents/KnownProblems.tsx';
import { RecordFollowUps } from '../followUps/RecordFollowUps.tsx';

/** One system with what hangs on it: contacts in escalation order, procedures, incidents. */
export function SystemDetailPage() {
  const { id } = useParams();
  const system = useLiveRecord('system', id);
  const procedures = useLiveRecords('procedure');
  const incidents = useLiveRecords('incident');
  const canEdit = useCanEditMasterData();
  usePageTitle(system ? system.name : 'システム');

  const own = useMemo(
    () => (procedures ?? []).filter((p) => id && p.systemIds.includes(id)),
    [procedures, id],
  );
  const ofSystem = useMemo(
    () =>
      (incidents ?? [])
        .filter((i) => i.systemId === id)
        .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)),
    [incidents, id],
  );

  if (system === undefined || canEdit === undefined) return <p role="status">読み込み中…</p>;
  if (system === null) return <RecordNotFound what="このシステム" backTo="/systems" />;
  const open = ofSystem.filter((i) => isOpenStatus(i.status));

  return (
    <article>
      <p>
        <Link to="/systems">← システムの一覧</Link>
      </p>
      <div className="page-heading">
        <h1>{system.name}</h1>
        <Link className="button primary" to={`/outage/${system.id}`}>
          障害発生時の画面
        </Link>
        <Link className="button" to={`/incidents/new?system=${system.id}`}>
          障害を記録する
        </Link>
        {canEdit ? (
          <>
            <Link className="button" to={`/systems/${system.id}/edit`}>
              編集
            </Link>
            <DeleteRecordButton
              type="system"
              id={system.id}
              rev={system.rev}
              title={system.name}
              afterDelete="/systems"
              consequence={
                ofSystem.length
                  ? `このシステムの障害記録${ofSystem.length}件は残り、記録時のシステム名で表示されます。`
                  : undefined
              }
            />
          </>
        ) : null}
      </div>
      <RecordFollowUps targetType="system" targetId={system.id} />
      <dl className="detail-grid">
        <div className="detail-item">
          <dt>{systemFieldLabels.department}</dt>
          <dd>{system.department || '—'}</dd>
        </div>
        <div className="detail-item">
          <dt>{systemFieldLabels.vendor}</dt>
          <dd>{system.vendor || '—'}</dd>
        </div>
        <div className="detail-item">
          <dt>{systemFieldLabels.continuityPriority}</dt>
          <dd>{continuityPriorityLabels[system.continuityPriority]}</dd>
        </div>
        <div className="detail-item">
          <dt>目標復旧時間</dt>
          <dd>{formatRto(system.rtoHours)}</dd>
        </div>
      </dl>
      <dl className="detail-stack">
        <div className="detail-item">
          <dt>{systemFieldLabels.priorityServices}</dt>
          <dd>{system.priorityServices || '—'}</dd>
        </div>
        <div className="detail-item">
          <dt>{systemFieldLabels.notes}</dt>
          <dd>{system.notes || '—'}</dd>
        </div>
      </dl>
      <section className="card" aria-labelledby="system-contacts-heading">
        <h2 id="system-contacts-heading">連絡先（連絡する順）</h2>
        <ContactCallList systemId={system.id} />
      </section>
      <section className="card" aria-labelledby="system-procedures-heading">
        <h2 id="system-procedures-heading">代替手順</h2>
        {own.length ? (
          <ul>
            {own.map((p) => (
              <li key={p.id}>
                <Link to={`/procedures/${p.id}`}>{p.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>
            このシステムの代替手順は登録されていません。
            {canEdit ? <Link to="/procedures/new">代替手順を作成する</Link> : null}
          </p>
        )}
      </section>
      <KnownProblems systemId={system.id} />
      <section className="card" aria-labelledby="system-incidents-heading">
        <h2 id="system-incidents-heading">
          障害記録（対応中 {open.length}件・全 {ofSystem.length}件）
        </h2>
        {open.length ? (
          <ul>
            {open.map((incident) => (
              <li key={incident.id}>
                <StatusBadge status={incident.status} />{' '}
                <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>（
                {formatDateTimeShort(incident.occurredAt)}）
              </li>
            ))}
          </ul>
        ) : (
          <p>対応中の障害はありません。</p>
        )}
      </section>
    </article>
  );
}
