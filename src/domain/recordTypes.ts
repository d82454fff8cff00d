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

/** Types most stations never write: a count of them is shown only when there is one. */
const OPTIONAL_TYPES: ReadonlySet<RecordType> = new Set(['drill', 'followUp']);

/**
 * 「連絡先 2件（うち削除 1件）」 per type, for a file's preview, the verify screen and the Windows
 * checker alike.
 */
export function describeRecordCounts(
  counts: Record<RecordType, { total: number; deleted: number }>,
): string[] {
  return recordTypes
    .filter((type) => counts[type].total > 0 || !OPTIONAL_TYPES.has(type))
    .map((type) => {
      const { total, deleted } = counts[type];
      return `${recordTypeLabels[type]} ${total}件${deleted ? `（うち削除 ${deleted}件）` : ''}`;
    });
}
