import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { idSchema } from './ids.ts';
import { dateSchema, instantSchema } from './dateTime.ts';
import { levelNumberSchema } from './incidentLevel.ts';
import { procedurePhases } from './procedure.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';

// DO NOT RENAME the values below: they are stored in drill records and travel in bundles.
export const drillStatuses = ['planned', 'running', 'done'] as const;
export type DrillStatus = (typeof drillStatuses)[number];
export const drillStatusLabels: Record<DrillStatus, string> = {
  planned: '計画',
  running: '実施中',
  done: '終了',
};

export const drillEventKinds = [
  'started',
  'procedureOpened',
  'phaseOpened',
  'stepTicked',
  'printed',
  'contactMade',
  'incidentStarted',
  'note',
  'ended',
] as const;
export type DrillEventKind = (typeof drillEventKinds)[number];
export const drillEventKindLabels: Record<DrillEventKind, string> = {
  started: '訓練開始',
  procedureOpened: '手順を開いた',
  phaseOpened: '段階を開始',
  stepTicked: '手順を実施',
  printed: '印刷',
  contactMade: '連絡',
  incidentStarted: '障害記録を開始',
  note: 'メモ',
  ended: '訓練終了',
};

/** One thing that happened during the drill (様式12's 時刻・作業内容・状況). */
export const drillEventSchema = z.strictObject({
  id: idSchema,
  at: instantSchema,
  kind: z.enum(drillEventKinds),
  text: optionalText('内容', TEXT_LIMITS.long),
  /** The procedure phase an event belongs to (phaseOpened, stepTicked); else null. */
  phase: z.enum(procedurePhases).nullable(),
  /** The record or step the event is about (procedure, step, contact, incident); else null. */
  refId: idSchema.nullable(),
});
export type DrillEvent = z.infer<typeof drillEventSchema>;

/** What the drill showed; `followUpId` is set once a follow-up was opened for it. */
export const drillFindingSchema = z.strictObject({
  id: idSchema,
  text: requiredText('気づいたこと', TEXT_LIMITS.long),
  followUpId: idSchema.optional(),
});
export type DrillFinding = z.infer<typeof drillFindingSchema>;

/** One source of the Japanese name of every field: schema messages, forms and the conflict view. */
export const drillFieldLabels = {
  title: '訓練名',
  plannedOn: '実施日',
  place: '実施場所',
  systemId: '対象システム',
  scenario: '訓練想定',
  level: '想定レベル',
  participants: '訓練参加者',
  goals: '実施目的',
  targetRecoveryMinutes: '目標復旧時間（分）',
  status: '状態',
  startedAt: '開始日時',
  endedAt: '終了日時',
  timeline: '経過',
  findings: '気づいたこと',
} as const;

/** 訓練 — maps onto 様式12 訓練計画 and the ministry's drill record (時刻・作業内容・つまづいた工程). */
export const drillSchemas = defineRecordType(
  {
    title: requiredText(drillFieldLabels.title, TEXT_LIMITS.title),
    plannedOn: dateSchema.or(z.literal('')).refine((v) => v !== '', {
      error: '実施日を入力してください',
    }),
    place: optionalText(drillFieldLabels.place),
    systemId: idSchema
      .or(z.literal(''))
      .refine((v) => v !== '', { error: '対象システムを選んでください' }),
    scenario: requiredText(drillFieldLabels.scenario, TEXT_LIMITS.long),
    level: levelNumberSchema.nullable(),
    participants: optionalText(drillFieldLabels.participants, TEXT_LIMITS.long),
    goals: optionalText(drillFieldLabels.goals, TEXT_LIMITS.long),
    /** The time the drill should bring the service back within, in minutes; null = none set. */
    targetRecoveryMinutes: z
      .number({ error: '目標復旧時間は数字（分）で入力してください' })
      .int({ error: '目標復旧時間は整数（分）で入力してください' })
      .min(1, { error: '目標復旧時間は1分以上で入力してください' })
      .max(60 * 24 * 30, { error: '目標復旧時間が大きすぎます' })
      .nullable(),
    status: z.enum(drillStatuses, { error: '状態を選んでください' }),
    startedAt: instantSchema.nullable(),
    endedAt: instantSchema.nullable(),
    timeline: z.array(drillEventSchema).max(1000),
    findings: z.array(drillFindingSchema).max(100),
  },
  {
    version: '1.0',
    check: (drill, ctx) => {
      if (drill.startedAt && drill.endedAt && drill.endedAt < drill.startedAt)
        ctx.addIssue({
          code: 'custom',
          path: ['endedAt'],
          message: '終了日時は開始日時より後にしてください',
        });
    },
  },
);

export const drillDataSchema = drillSchemas.data;
export const drillSchema = drillSchemas.record;
export type DrillData = z.infer<typeof drillDataSchema>;
export type DrillRecord = z.infer<typeof drillSchema>;

export function emptyDrill(): DrillData {
  return {
    title: '',
    plannedOn: '',
    place: '',
    systemId: '',
    scenario: '',
    level: null,
    participants: '',
    goals: '',
    targetRecoveryMinutes: null,
    status: 'planned',
    startedAt: null,
    endedAt: null,
    timeline: [],
    findings: [],
  };
}
