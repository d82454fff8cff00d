/** Incident life cycle, in order. DO NOT RENAME the keys: they are stored and exchanged. */
export const incidentStatuses = [
  'occurred',
  'reported',
  'inProgress',
  'provisional',
  'resolved',
  'closed',
] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incidentStatusLabels: Record<IncidentStatus, string> = {
  occurred: '発生',
  reported: '報告済',
  inProgress: '対応中',
  provisional: '暫定復旧',
  resolved: '解決',
  closed: '完了',
};

export function isOpenStatus(status: IncidentStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}

/**
 * Where an incident may go from `current`: any later stage (steps may be skipped in a real
 * outage), or back to 対応中 when a provisional fix or a resolution turns out not to hold.
 */
export function allowedNextStatuses(current: IncidentStatus): IncidentStatus[] {
  const index = incidentStatuses.indexOf(current);
  const forward = incidentStatuses.slice(index + 1);
  const reopen: IncidentStatus[] =
    index > incidentStatuses.indexOf('inProgress') ? ['inProgress'] : [];
  return [...reopen, ...forward];
}
