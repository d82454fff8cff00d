import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { idSchema } from './ids.ts';
import { dateSchema } from './dateTime.ts';
import { levelNumberSchema } from './incidentLevel.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';
import {
  procedurePhases,
  procedurePhaseLabels,
  procedureFieldLabels,
  type ProcedurePhase,
} from './procedureLabels.ts';

/** A language tag (BCP 47): 'en', 'zh-CN', 'ja-x-easy'. */
const languageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { error: '言語の指定が正しくありません' });

/** One translation of 住民への案内; 'template' until a person has checked it (1.1). */
export const guidanceTranslationSchema = z.strictObject({
  lang: languageTagSchema,
  text: requiredText('案内文', TEXT_LIMITS.long),
  status: z.enum(['template', 'reviewed']),
});
export type GuidanceTranslation = z.infer<typeof guidanceTranslationSchema>;

/** One new version of the procedure, and the incident that led to it when there was one (1.1). */
export const procedureRevisionSchema = z.strictObject({
  id: idSchema,
  version: optionalText('版', 30),
  on: dateSchema,
  incidentId: idSchema.nullable(),
  note: optionalText('改訂の内容', TEXT_LIMITS.long),
});
export type ProcedureRevision = z.infer<typeof procedureRevisionSchema>;

/** 代替手順 (BCP) — maps onto 様式10 緊急時における行動計画（初動・代替・復旧）. */
export const procedureSchemas = defineRecordType(
  {
    title: requiredText(procedureFieldLabels.title, TEXT_LIMITS.title),
    systemIds: z.array(idSchema).max(200),
    trigger: optionalText(procedureFieldLabels.trigger, TEXT_LIMITS.long),
    levels: z.array(levelNumberSchema).max(9),
    steps: z
      .array(
        z.strictObject({
          id: idSchema,
          phase: z.enum(procedurePhases),
          role: optionalText('担当'),
          text: requiredText('手順', TEXT_LIMITS.long),
        }),
      )
      .max(200),
    residentGuidance: optionalText(procedureFieldLabels.residentGuidance, TEXT_LIMITS.long),
    paperForms: z.array(requiredText('紙の様式')).max(50),
    afterRecovery: optionalText(procedureFieldLabels.afterRecovery, TEXT_LIMITS.long),
    owner: optionalText(procedureFieldLabels.owner),
    lastReviewedOn: dateSchema.nullable(),
    version: optionalText(procedureFieldLabels.version, 30),
    /** Agreements written to be read in an emergency (seed 001). */
    agreements: z
      .array(
        z.strictObject({
          id: idSchema,
          date: dateSchema,
          parties: requiredText('合意の相手'),
          content: requiredText('合意内容', TEXT_LIMITS.long),
        }),
      )
      .max(100),
    /** 住民への案内 in other languages; absent = none (1.1). */
    guidanceTranslations: z.array(guidanceTranslationSchema).max(20).optional(),
    /** What changed in each version, linked to the incident it came from (1.1). */
    versionHistory: z.array(procedureRevisionSchema).max(200).optional(),
  },
  {
    // 1.1: guidanceTranslations and versionHistory (optional), issue 17.
    version: '1.1',
    check: (procedure, ctx) => {
      const seen = new Set<string>();
      for (const [index, t] of (procedure.guidanceTranslations ?? []).entries()) {
        if (seen.has(t.lang))
          ctx.addIssue({
            code: 'custom',
            path: ['guidanceTranslations', index, 'lang'],
            message: '同じ言語の案内が2つあります',
          });
        seen.add(t.lang);
      }
    },
  },
);

export const procedureDataSchema = procedureSchemas.data;
export const procedureSchema = procedureSchemas.record;
export type ProcedureData = z.infer<typeof procedureDataSchema>;
export type ProcedureRecord = z.infer<typeof procedureSchema>;

export { procedurePhases, procedurePhaseLabels, procedureFieldLabels };
export type { ProcedurePhase };
