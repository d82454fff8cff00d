import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAuditTrail, useLiveRecord, useLiveRecords } from '../../db/hooks.ts';
import { saveRecord } from '../../db/records.ts';
import { describeStorageError } from '../../db/errors.ts';
import { contactMethodLabels, impactScopeLabels } from '../../domain/incident.ts';
import {
  allowedNextStatuses,
  incidentStatusLabels,
  type IncidentStatus,
} from '../../domain/incidentStatus.ts';
import { checkIncidentInput, stampStatusChange } from '../../domain/incidentRules.ts';
import { formatDateTimeJa, formatDateTimeShort, nowIso } from '../../domain/dateTime.ts';
import { pickData } from '../../domain/recordMeta.ts';
import { Banner } from '../common/Banner.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { systemNameOf, useSystemNames } from './useSystemNames.ts';
import { IncidentResponsePanel } from './IncidentResponsePanel.tsx';
import { DeleteRecordButton } from '../common/DeleteRecordButton.tsx';
import { NotificationDeadline } from '../levels/NotificationDeadline.tsx';
import { AttachmentView } from './AttachmentView.tsx';
import { ConflictBadge } from '../exchange/ConflictBadge.tsx';
import { IncidentSystemLink } from './IncidentSystemLink.tsx';
import { incidentReportPath } from '../../print/reportPaths.ts';
import { reportMemoPath } from '../../print/counterPaths.ts';
import { IncidentManualPrompt } from './IncidentManualPrompt.tsx';

function Item({
  label,
  value,
  mono = false,
}: {
  label: string;
  value: string | null | undefined;
  mono?: boolean;
}) {
  return (
    <div className="detail-item">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{value?.trim() ? value : '—'}</dd>
    </div>
  );
}

/** One incident, read-only, with one-click status changes and its own audit trail. */
export function IncidentDetailPage() {
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const record = useLiveRecord('incident', id);
  const systemNames = useSystemNames();
  const procedures = useLiveRecords('procedure');
  const audit = useAuditTrail(id);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(
    (location.state as { saved?: boolean } | null)?.saved
      ? { kind: 'success', text: '保存しました。' }
      : null,
  );
  usePageTitle(record ? record.title : '障害記録');

  if (record === undefined) return <p role="status">読み込み中…</p>;
  if (record === null) return <RecordNotFound what="この障害記録" backTo="/incidents" />;

  async function changeStatus(status: IncidentStatus) {
    if (!record) return;
    const data = stampStatusChange({ ...pickData(record), status }, record.status, nowIso());
    const problems = checkIncidentInput(data, new Date());
    if (problems.length) {
      setMessage({
        kind: 'error',
        text: `${problems.map((p) => p.message).join('。')}。「編集」から入力してください。`,
      });
      return;
    }
    try {
      await saveRecord('incident', data, { id: record.id, baseRev: record.rev });
      setMessage({
        kind: 'success',
        text: `状態を「${incidentStatusLabels[status]}」にしました。`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  const procedure = procedures?.find((p) => p.id === record.procedureId);
  const timeline = [...record.timeline].sort((a, b) => (a.at < b.at ? -1 : 1));

  return (
    <article className="incident-detail">
      <p>
        <Link to="/incidents">← 障害記録の一覧</Link>
      </p>
      <div className="page-heading">
        <h1>
          <StatusBadge status={record.status} />{' '}
          {record.drillId ? <span className="drill-badge">訓練</span> : null} {record.title}
        </h1>
        <ConflictBadge type="incident" id={record.id} />
        <Link className="button primary" to={`/incidents/${record.id}/edit`}>
          編集
        </Link>
        <Link className="button" to={reportMemoPath(record.id)}>
          報告メモ
        </Link>
        <button type="button" onClick={() => navigate(incidentReportPath(record.id))}>
          障害報告書を印刷
        </button>
        <DeleteRecordButton
          type="incident"
          id={record.id}
          rev={record.rev}
          title={record.title}
          afterDelete="/incidents"
        />
      </div>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <NotificationDeadline incident={record} />
      <IncidentManualPrompt incident={record} />
      <section aria-labelledby="status-heading" className="card status-actions">
        <h2 id="status-heading">状態を進める</h2>
        <div className="actions">
          {allowedNextStatuses(record.status).map((status) => (
            <button type="button" key={status} onClick={() => void changeStatus(status)}>
              「{incidentStatusLabels[status]}」にする
            </button>
          ))}
        </div>
      </section>
      <dl className="detail-grid">
        <Item label="システム" value={systemNameOf(record, systemNames)} />
        <Item label="発生日時" value={formatDateTimeJa(record.occurredAt)} />
        <Item label="検知日時" value={formatDateTimeJa(record.detectedAt)} />
        <Item
          label="障害レベル"
          value={record.level === null ? '未設定' : `レベル${record.level}`}
        />
        <Item label="影響範囲" value={impactScopeLabels[record.scope]} />
        <Item label="報告者" value={record.reporterName} />
        <Item label="部署" value={record.department} />
        <Item label="端末" value={record.terminal} />
        <Item label="画面" value={record.screen} />
      </dl>
      <IncidentSystemLink
        incident={record}
        onLinked={(text) => setMessage({ kind: 'success', text })}
      />
      <IncidentResponsePanel incident={record} />
      <dl className="detail-stack">
        <Item label="操作内容" value={record.operation} />
        <Item label="症状" value={record.symptoms} />
        <Item label="エラーメッセージ" value={record.errorMessage} mono />
        <Item label="ほかに影響を受けている人" value={record.othersAffected} />
        <Item label="住民への影響" value={record.residentImpact} />
      </dl>
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">試したことと結果</h2>
        {record.attempts.length === 0 ? (
          <p>記録なし</p>
        ) : (
          <ol className="attempts">
            {record.attempts.map((a) => (
              <li key={a.id}>
                {a.action} → <strong>{a.result || '（結果未記入）'}</strong>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">連絡した記録</h2>
        {record.contactsMade.length === 0 ? (
          <p>記録なし</p>
        ) : (
          <ul>
            {record.contactsMade.map((c) => (
              <li key={c.id}>
                {formatDateTimeShort(c.at)} {c.who}（{contactMethodLabels[c.method]}）
                {c.summary ? `: ${c.summary}` : ''}
                {/* Who made the call (1.3), named as the 操作履歴 below names people. */}
                {c.by ? `（${c.by}）` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">経過</h2>
        <ol className="timeline">
          {timeline.map((t) => (
            <li key={t.id}>
              <time dateTime={t.at}>{formatDateTimeShort(t.at)}</time> {t.text}
            </li>
          ))}
        </ol>
      </section>
      <dl className="detail-stack">
        <Item
          label="使った代替手順"
          value={procedure?.title ?? (record.procedureId ? '（削除された手順）' : 'なし')}
        />
        <Item label="原因" value={record.cause} />
        <Item label="対策" value={record.countermeasure} />
        <Item label="再発防止策" value={record.recurrencePrevention} />
        <Item
          label="マニュアル更新"
          value={
            record.manualUpdated
              ? `更新済み${record.manualUpdateNote ? `（${record.manualUpdateNote}）` : ''}`
              : '未更新'
          }
        />
      </dl>
      {record.attachments.length ? (
        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">添付</h2>
          <ul className="attachment-grid">
            {record.attachments.map((ref) => (
              <li key={ref.id}>
                <AttachmentView attachment={ref} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">操作履歴</h2>
        <ul className="audit-list">
          {(audit ?? []).map((entry) => (
            <li key={entry.seq}>
              {formatDateTimeShort(entry.at)} {entry.summary}
              {entry.actor ? `（${entry.actor}）` : ''}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
