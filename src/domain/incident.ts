import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { idSchema } from './ids.ts';
import { instantSchema } from './dateTime.ts';
import { levelNumberSchema } from './incidentLevel.ts';
import { incidentStatuses, type IncidentStatus } from './incidentStatus.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';
import {
  impactScopes,
  impactScopeLabels,
  contactMethods,
  contactMethodLabels,
  incidentFieldLabels,
  type ImpactScope,
  type ContactMethod,
} from './incidentLabels.ts';

/** Largest attachment accepted (a phone photo of a screen is 2–6 MB). */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

export const attemptSchema = z.strictObject({
  id: idSchema,
  action: requiredText('試したこと', TEXT_LIMITS.long),
  result: optionalText('結果', TEXT_LIMITS.long),
});

export const contactMadeSchema = z.strictObject({
  id: idSchema,
  at: instantSchema,
  who: requiredText('連絡した相手'),
  contactId: idSchema.nullable(),
  method: z.enum(contactMethods),
  summary: optionalText('伝えた内容・回答', TEXT_LIMITS.long),
  /**
   * Who made the call: the operator at the keyboard when it was logged (1.3, PRODUCT.md
   * decision 6), or as typed in the editor (prefilled with the operator). Absent on entries
   * from before, and when no operator is known.
   */
  by: optionalText('連絡した人').optional(),
});

export const timelineEntrySchema = z.strictObject({
  id: idSchema,
  at: instantSchema,
  /** Set when the entry records a status change. */
  status: z.enum(incidentStatuses).nullable(),
  text: requiredText('経過の内容', TEXT_LIMITS.long),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const attachmentRefSchema = z.strictObject({
  id: idSchema,
  name: requiredText('ファイル名', 255),
  mediaType: z.string().max(100),
  size: z
    .number()
    .int()
    .min(0)
    .max(MAX_ATTACHMENT_BYTES, {
      error: `添付ファイルは${MAX_ATTACHMENT_BYTES / 1024 / 1024}MBまでです`,
    }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The size before it was scaled down on request (1.2); absent when it was kept as given. */
  originalSize: z.number().int().min(0).optional(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** 障害記録: what seed 000 says front-line staff must observe, report and share. */
export const incidentSchemas = defineRecordType(
  {
    title: requiredText(incidentFieldLabels.title, TEXT_LIMITS.title),
    systemId: idSchema
      .or(z.literal(''))
      .refine((v) => v !== '', { error: 'システムを選んでください' }),
    /**
     * The system's name when the incident was recorded (1.1), so a station that does not know
     * `systemId` (the IT section, for a department's local system) still sees what it was.
     */
    systemName: optionalText(incidentFieldLabels.systemName).optional(),
    occurredAt: instantSchema.or(z.literal('')).refine((v) => v !== '', {
      error: '発生日時を入力してください',
    }),
    detectedAt: instantSchema.nullable(),
    reporterName: optionalText(incidentFieldLabels.reporterName),
    department: optionalText(incidentFieldLabels.department),
    terminal: optionalText(incidentFieldLabels.terminal),
    screen: optionalText(incidentFieldLabels.screen),
    operation: optionalText(incidentFieldLabels.operation, TEXT_LIMITS.long),
    symptoms: optionalText(incidentFieldLabels.symptoms, TEXT_LIMITS.long),
    errorMessage: optionalText(incidentFieldLabels.errorMessage, TEXT_LIMITS.long),
    scope: z.enum(impactScopes, { error: '影響範囲を選んでください' }),
    othersAffected: optionalText(incidentFieldLabels.othersAffected, TEXT_LIMITS.long),
    attempts: z.array(attemptSchema).max(100),
    level: levelNumberSchema.nullable(),
    status: z.enum(incidentStatuses, { error: '状態を選んでください' }),
    contactsMade: z.array(contactMadeSchema).max(200),
    timeline: z.array(timelineEntrySchema).max(500),
    residentImpact: optionalText(incidentFieldLabels.residentImpact, TEXT_LIMITS.long),
    procedureId: idSchema.nullable(),
    cause: optionalText(incidentFieldLabels.cause, TEXT_LIMITS.long),
    countermeasure: optionalText(incidentFieldLabels.countermeasure, TEXT_LIMITS.long),
    recurrencePrevention: optionalText(incidentFieldLabels.recurrencePrevention, TEXT_LIMITS.long),
    manualUpdated: z.boolean(),
    manualUpdateNote: optionalText(incidentFieldLabels.manualUpdateNote, TEXT_LIMITS.long),
    attachments: z.array(attachmentRefSchema).max(50),
    /**
     * The drill (訓練) this incident was started in (1.2). A drill incident travels in bundles
     * as one and is left out of reports unless asked for (issue 15).
     */
    drillId: idSchema.optional(),
  },
  {
    // 1.1: systemName (optional). 1.2: drillId and attachments' originalSize (optional).
    // 1.3: contactsMade entries' `by`, who made the call (optional).
    version: '1.3',
    check: (incident, ctx) => {
      if (incident.detectedAt && incident.occurredAt && incident.detectedAt < incident.occurredAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['detectedAt'],
          message: '検知日時が発生日時より前になっています',
        });
      }
    },
  },
);

export const incidentDataSchema = incidentSchemas.data;
export const incidentSchema = incidentSchemas.record;
export type IncidentData = z.infer<typeof incidentDataSchema>;
export type IncidentRecord = z.infer<typeof incidentSchema>;

export function emptyIncident(defaults: Partial<IncidentData> = {}): IncidentData {
  return {
    title: '',
    systemId: '',
    systemName: '',
    occurredAt: '',
    detectedAt: null,
    reporterName: '',
    department: '',
    terminal: '',
    screen: '',
    operation: '',
    symptoms: '',
    errorMessage: '',
    scope: 'self',
    othersAffected: '',
    attempts: [],
    level: null,
    status: 'occurred' satisfies IncidentStatus,
    contactsMade: [],
    timeline: [],
    residentImpact: '',
    procedureId: null,
    cause: '',
    countermeasure: '',
    recurrencePrevention: '',
    manualUpdated: false,
    manualUpdateNote: '',
    attachments: [],
    ...defaults,
  };
}

export {
  impactScopes,
  impactScopeLabels,
  contactMethods,
  contactMethodLabels,
  incidentFieldLabels,
};
export type { ImpactScope, ContactMethod };
