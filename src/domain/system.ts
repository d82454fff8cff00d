import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';
import {
  continuityPriorities,
  continuityPriorityLabels,
  systemFieldLabels,
  formatRto,
  type ContinuityPriority,
} from './systemLabels.ts';

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

export { continuityPriorities, continuityPriorityLabels, systemFieldLabels, formatRto };
export type { ContinuityPriority };
