import { incidentStatusLabels, type IncidentStatus } from '../../domain/incidentStatus.ts';

/** The status in words (never colour alone), styled per stage. */
export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`status-badge status-${status}`}>{incidentStatusLabels[status]}</span>;
}
