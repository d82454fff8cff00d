import { useAuditTrail } from '../../db/hooks.ts';
import { auditActionLabels } from '../../domain/audit.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';

/** 操作履歴: the newest entries of the append-only audit trail. */
export function AuditTrailSection() {
  const entries = useAuditTrail(undefined, 100);
  return (
    <section aria-labelledby="audit-heading" className="card">
      <h2 id="audit-heading">操作履歴（最新100件）</h2>
      {!entries ? null : entries.length === 0 ? (
        <p>まだ操作履歴はありません。</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">操作</th>
                <th scope="col">内容</th>
                <th scope="col">担当者</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>{formatDateTimeShort(entry.at)}</td>
                  <td>{auditActionLabels[entry.action]}</td>
                  <td>{entry.summary}</td>
                  <td>{entry.actor || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
