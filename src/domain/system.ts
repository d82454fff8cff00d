import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';

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

/** 業務システム — maps onto 様式1 情報システム一覧 of the MIC ICT-BCP guideline. */
export const systemSchemas = defineRecordType(
  {
    name: requiredText(systemFieldLabels.name),
    department: optionalText(systemFieldLabels.department),
    vendor: optionalText(systemFieldLabels.vendor),
    continuityPriority: z.enum(continuityPriorities, { error: '優先度を選んでください' }),
    /** 非常時優先業務 that depend on this system, in the staff's own words. */
    priorityServices: optionalText(systemFieldLabels.priorityServices, TEXT_LIMITS.long),
    /** 目標復旧時間 in hours; null when not agreed yet. */
    rtoHours: z
      .number({ error: '目標復旧時間は数字で入力してください' })
      .int({ error: '目標復旧時間は整数（時間）で入力してください' })
      .min(0, { error: '目標復旧時間は0以上で入力してください' })
      .max(24 * 365, { error: '目標復旧時間が大きすぎます' })
      .nullable(),
    notes: optionalText(systemFieldLabels.notes, TEXT_LIMITS.long),
  },
  { version: '1.0' },
);

export const systemDataSchema = systemSchemas.data;
export const systemSchema = systemSchemas.record;
export type SystemData = z.infer<typeof systemDataSchema>;
export type SystemRecord = z.infer<typeof systemSchema>;

export function emptySystem(): SystemData {
  return {
    name: '',
    department: '',
    vendor: '',
    continuityPriority: 'normal',
    priorityServices: '',
    rtoHours: null,
    notes: '',
  };
}

/** 3時間 / 2日 / 未設定 */
export function formatRto(hours: number | null): string {
  if (hours === null) return '未設定';
  if (hours >= 24 && hours % 24 === 0) return `${hours / 24}日`;
  return `${hours}時間`;
}
