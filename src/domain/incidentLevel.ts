import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';

export const levelNumberSchema = z
  .number({ error: 'レベルは数字で指定してください' })
  .int({ error: 'レベルは整数で指定してください' })
  .min(1, { error: 'レベルは1〜9で指定してください' })
  .max(9, { error: 'レベルは1〜9で指定してください' });

/** 障害レベル: agreed in peacetime with vendors and linked systems (seed 001). */
export const incidentLevelSchemas = defineRecordType({
  level: levelNumberSchema,
  name: requiredText('レベル名'),
  criteria: requiredText('判断基準', TEXT_LIMITS.long),
  actions: optionalText('対応内容', TEXT_LIMITS.long),
  notify: optionalText('連絡先（誰に）', TEXT_LIMITS.long),
  /** How soon the people in `notify` must be told, in minutes; null = no deadline. */
  notifyWithinMinutes: z
    .number({ error: '連絡期限は数字（分）で入力してください' })
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .nullable(),
});

export const incidentLevelDataSchema = incidentLevelSchemas.data;
export const incidentLevelSchema = incidentLevelSchemas.record;
export type IncidentLevelData = z.infer<typeof incidentLevelDataSchema>;
export type IncidentLevelRecord = z.infer<typeof incidentLevelSchema>;
