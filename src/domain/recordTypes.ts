/** Every synchronisable record type. DO NOT RENAME: used as Dexie table names and in bundles. */
export const recordTypes = [
  'system',
  'incident',
  'contact',
  'incidentLevel',
  'procedure',
  // Issue 15: drills (訓練) and the follow-ups their findings open.
  'drill',
  'followUp',
] as const;
export type RecordType = (typeof recordTypes)[number];

export const recordTypeLabels: Record<RecordType, string> = {
  system: 'システム',
  incident: '障害記録',
  contact: '連絡先',
  incidentLevel: '障害レベル',
  procedure: '代替手順',
  drill: '訓練',
  followUp: '要対応',
};
