import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { idSchema } from './ids.ts';
import { instantSchema } from './dateTime.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';

// DO NOT RENAME the values below: they are stored in follow-ups and travel in bundles.
export const followUpTargetTypes = ['procedure', 'contact', 'incidentLevel', 'system'] as const;
export type FollowUpTargetType = (typeof followUpTargetTypes)[number];
export const followUpTargetTypeLabels: Record<FollowUpTargetType, string> = {
  procedure: '代替手順',
  contact: '連絡先',
  incidentLevel: '障害レベル',
  system: 'システム',
};

export const followUpStatuses = ['open', 'closed'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
export const followUpStatusLabels: Record<FollowUpStatus, string> = {
  open: '未対応',
  closed: '対応済み',
};

/** One source of the Japanese name of every field: schema messages, forms and the conflict view. */
export const followUpFieldLabels = {
  targetType: '対象の種類',
  targetId: '対象',
  text: '対応すること',
  drillId: '訓練',
  findingId: '訓練での気づき',
  status: '状態',
  closedAt: '対応日時',
  closedBy: '対応した人',
  closeNote: '対応内容',
} as const;

/**
 * 要対応 (follow-up): work a drill finding (or a review) opened on a procedure, contact, level or
 * system. It shows on that record until it is closed (issue 15).
 */
export const followUpSchemas = defineRecordType(
  {
    targetType: z.enum(followUpTargetTypes, { error: '対象の種類を選んでください' }),
    targetId: idSchema,
    text: requiredText(followUpFieldLabels.text, TEXT_LIMITS.long),
    drillId: idSchema.optional(),
    findingId: idSchema.optional(),
    status: z.enum(followUpStatuses),
    closedAt: instantSchema.optional(),
    closedBy: optionalText(followUpFieldLabels.closedBy).optional(),
    closeNote: optionalText(followUpFieldLabels.closeNote, TEXT_LIMITS.long).optional(),
  },
  {
    version: '1.0',
    check: (followUp, ctx) => {
      if (followUp.status === 'closed' && !followUp.closedAt)
        ctx.addIssue({
          code: 'custom',
          path: ['closedAt'],
          message: '対応日時を入力してください',
        });
    },
  },
);

export const followUpDataSchema = followUpSchemas.data;
export const followUpSchema = followUpSchemas.record;
export type FollowUpData = z.infer<typeof followUpDataSchema>;
export type FollowUpRecord = z.infer<typeof followUpSchema>;
