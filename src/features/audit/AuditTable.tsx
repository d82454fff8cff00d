import { Link } from 'react-router';
import { auditActionLabels, auditEntryFieldLabels, type AuditEntry } from '../../domain/audit.ts';
import { formatAuditTime } from '../../domain/auditFilter.ts';
import { recordTypeLabels } from '../../domain/recordTypes.ts';
import { recordPagePath } from './recordPagePath.ts';
import './audit.css';

/** What the 記録 cell says: a link to the record while it exists, else why there is none. */
function RecordCell({ entry, openable }: { entry: AuditEntry; openable: ReadonlySet<string> }) {
  const { recordType: type, recordId: id } = entry;
  if (type && id) {
    const label = recordTypeLabels[type];
    return openable.has(`${type}:${id}`) ? (
      <Link to={recordPagePath(type, id)}>{label}を開く</Link>
    ) : (
      <>{label}（削除済み・この端末になし）</>
    );
  }
  // An import: its records are listed on each record's own page (decision 9).
  if (entry.recordIds?.length) return <>{entry.recordIds.length}件の記録</>;
  return <>{type ? recordTypeLabels[type] : '—'}</>;
}

/** One page of the trail, newest first; columns named as in the CSV. */
export function AuditTable({
  entries,
  openable,
}: {
  entries: readonly AuditEntry[];
  openable: ReadonlySet<string>;
}) {
  const labels = auditEntryFieldLabels;
  return (
    <div className="table-scroll">
      <table className="table audit-table">
        <thead>
          <tr>
            <th scope="col">{labels.at}</th>
            <th scope="col">{labels.action}</th>
            <th scope="col">{labels.summary}</th>
            <th scope="col">{labels.actor}</th>
            <th scope="col">{labels.recordType}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td className="audit-time">{formatAuditTime(entry.at)}</td>
              <td className="audit-action">{auditActionLabels[entry.action]}</td>
              <td>{entry.summary}</td>
              <td className="audit-actor">{entry.actor || '—'}</td>
              <td>
                <RecordCell entry={entry} openable={openable} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
