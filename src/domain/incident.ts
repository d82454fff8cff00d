import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { idSchema } from './ids.ts';
import { instantSchema } from './dateTime.ts';
import { levelNumberSchema } from './incidentLevel.ts';
import { incidentStatuses, type IncidentStatus } from './incidentStatus.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';

export const impactScopes = ['self', 'several', 'department', 'all'] as const;
export type ImpactScope = (typeof impactScopes)[number];
export const impactScopeLabels: Record<ImpactScope, string> = {
  self: '自分の端末のみ',
  several: '複数の端末',
  department: '課全体',
  all: '全庁',
};

export const contactMethods = ['phone', 'email', 'visit', 'other'] as const;
export type ContactMethod = (typeof contactMethods)[number];
export const contactMethodLabels: Record<ContactMethod, string> = {
  phone: '電話',
  email: 'メール',
  visit: '対面',
  other: 'その他',
};

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
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** 障害記録: what seed 000 says front-line staff must observe, report and share. */
export const incidentSchemas = defineRecordType(
  {
    title: requiredText('件名', TEXT_LIMITS.title),
    systemId: idSchema
      .or(z.literal(''))
      .refine((v) => v !== '', { error: 'システムを選んでください' }),
    occurredAt: instantSchema.or(z.literal('')).refine((v) => v !== '', {
      error: '発生日時を入力してください',
    }),
    detectedAt: instantSchema.nullable(),
    reporterName: optionalText('報告者'),
    department: optionalText('部署'),
    terminal: optionalText('端末'),
    screen: optionalText('画面'),
    operation: optionalText('操作内容', TEXT_LIMITS.long),
    symptoms: optionalText('症状', TEXT_LIMITS.long),
    errorMessage: optionalText('エラーメッセージ', TEXT_LIMITS.long),
    scope: z.enum(impactScopes, { error: '影響範囲を選んでください' }),
    othersAffected: optionalText('ほかに影響を受けている人', TEXT_LIMITS.long),
    attempts: z.array(attemptSchema).max(100),
    level: levelNumberSchema.nullable(),
    status: z.enum(incidentStatuses, { error: '状態を選んでください' }),
    contactsMade: z.array(contactMadeSchema).max(200),
    timeline: z.array(timelineEntrySchema).max(500),
    residentImpact: optionalText('住民への影響', TEXT_LIMITS.long),
    procedureId: idSchema.nullable(),
    cause: optionalText('原因', TEXT_LIMITS.long),
    countermeasure: optionalText('対策', TEXT_LIMITS.long),
    recurrencePrevention: optionalText('再発防止策', TEXT_LIMITS.long),
    manualUpdated: z.boolean(),
    manualUpdateNote: optionalText('マニュアル更新の内容', TEXT_LIMITS.long),
    attachments: z.array(attachmentRefSchema).max(50),
  },
  (incident, ctx) => {
    if (incident.detectedAt && incident.occurredAt && incident.detectedAt < incident.occurredAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['detectedAt'],
        message: '検知日時が発生日時より前になっています',
      });
    }
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
