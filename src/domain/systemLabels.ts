// The names and labels of systems, apart from the schema (system.ts) so that screens can
// show them without zod (issue 9: first screen). system.ts re-exports them.

export const continuityPriorities = ['highest', 'high', 'normal'] as const;
export type ContinuityPriority = (typeof continuityPriorities)[number];
export const continuityPriorityLabels: Record<ContinuityPriority, string> = {
  highest: '最優先（非常時優先業務）',
  high: '優先',
  normal: '通常',
};

/** One source of the Japanese name of every field: schema messages, forms and the conflict view. */
export const systemFieldLabels = {
  name: 'システム名',
  department: '所管課',
  vendor: 'ベンダー',
  continuityPriority: '業務継続の優先度',
  priorityServices: '非常時優先業務',
  rtoHours: '目標復旧時間（時間）',
  notes: '備考',
} as const;

/** 3時間 / 2日 / 未設定 */
export function formatRto(hours: number | null): string {
  if (hours === null) return '未設定';
  if (hours >= 24 && hours % 24 === 0) return `${hours / 24}日`;
  return `${hours}時間`;
}
