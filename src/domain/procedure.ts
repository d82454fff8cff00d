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
  },
  { version: '1.0' },
);

export const procedureDataSchema = procedureSchemas.data;
export const procedureSchema = procedureSchemas.record;
export type ProcedureData = z.infer<typeof procedureDataSchema>;
export type ProcedureRecord = z.infer<typeof procedureSchema>;

export { procedurePhases, procedurePhaseLabels, procedureFieldLabels };
export type { ProcedurePhase };
