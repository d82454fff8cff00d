/** Every synchronisable record type. DO NOT RENAME: used as Dexie table names and in bundles. */
export const recordTypes = ['system', 'incident', 'contact', 'incidentLevel', 'procedure'] as const;
export type RecordType = (typeof recordTypes)[number];

export const recordTypeLabels: Record<RecordType, string> = {
  system: 'システム',
  incident: '障害記録',
  contact: '連絡先',
  incidentLevel: '障害レベル',
  procedure: '代替手順',
};
