import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';
import { idSchema } from './ids.ts';
import { incidentLevelFieldLabels } from './incidentLevelLabels.ts';

export const levelNumberSchema = z
  .number({ error: 'レベルは数字で指定してください' })
  .int({ error: 'レベルは整数で指定してください' })
  .min(1, { error: 'レベルは1〜9で指定してください' })
  .max(9, { error: 'レベルは1〜9で指定してください' });

/**
 * A yes/no question drawn from the criteria; a "yes" implies at least `impliesLevel`. The
 * suggestion for an incident is the highest level implied (PRODUCT.md, clarifications).
 */
export const levelQuestionSchema = z.strictObject({
  id: idSchema,
  text: requiredText('質問', TEXT_LIMITS.title),
  impliesLevel: levelNumberSchema,
});
export type LevelQuestion = z.infer<typeof levelQuestionSchema>;

/** 障害レベル: agreed in peacetime with vendors and linked systems (seed 001). */
export const incidentLevelSchemas = defineRecordType(
  {
    level: levelNumberSchema,
    name: requiredText(incidentLevelFieldLabels.name),
    criteria: requiredText(incidentLevelFieldLabels.criteria, TEXT_LIMITS.long),
    actions: optionalText(incidentLevelFieldLabels.actions, TEXT_LIMITS.long),
    notify: optionalText(incidentLevelFieldLabels.notify, TEXT_LIMITS.long),
    /** How soon the people in `notify` must be told, in minutes; null = no deadline. */
    notifyWithinMinutes: z
      .number({ error: '連絡期限は数字（分）で入力してください' })
      .int()
      .min(0)
      .max(60 * 24 * 30)
      .nullable(),
    /** 1.1: questions that suggest this level in the incident form. */
    questions: z.array(levelQuestionSchema).max(20).optional(),
  },
  { version: '1.1' },
);

export const incidentLevelDataSchema = incidentLevelSchemas.data;
export const incidentLevelSchema = incidentLevelSchemas.record;
export type IncidentLevelData = z.infer<typeof incidentLevelDataSchema>;
export type IncidentLevelRecord = z.infer<typeof incidentLevelSchema>;

export { incidentLevelFieldLabels };
