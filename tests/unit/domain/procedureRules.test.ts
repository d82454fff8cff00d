import { describe, expect, it } from 'vitest';
import {
  checkProcedureInput,
  findBrokenReferences,
  isOverdueForReview,
  NO_INITIAL_STEP_WARNING,
  procedureWarnings,
  reviewDueOn,
  reviewFlagLabel,
  reviewStateOf,
  sortStepsByPhase,
  todayInTokyo,
  type KnownRecords,
} from '../../../src/domain/procedureRules.ts';
import type { ProcedureData } from '../../../src/domain/procedure.ts';

// Instants are written in UTC ('Z'); the comments give the Tokyo wall clock (UTC+9).
const SYSTEM_A = '11111111-1111-4111-8111-111111111111';
const SYSTEM_GONE = '22222222-2222-4222-8222-222222222222';
const SYSTEM_ELSEWHERE = '33333333-3333-4333-8333-333333333333';
const STEP = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const known: KnownRecords = {
  systems: [
    { id: SYSTEM_A, deleted: false },
    { id: SYSTEM_GONE, deleted: true },
  ],
  levels: [1, 2, 3],
};

function procedure(patch: Partial<ProcedureData> = {}): ProcedureData {
  return {
    title: '住民記録システム停止時の窓口対応',
    systemIds: [SYSTEM_A],
    trigger: '',
    levels: [2],
    steps: [{ id: STEP(1), phase: 'initial', role: '窓口担当', text: '係長に報告する' }],
    residentGuidance: '',
    paperForms: [],
    afterRecovery: '',
    owner: '',
    lastReviewedOn: '2026-04-15',
    version: '',
    agreements: [],
    ...patch,
  };
}

const reviewed = (lastReviewedOn: string | null) => ({ lastReviewedOn });

describe('review due', () => {
  it('is overdue from the same date a year later, not the day before', () => {
    const onDay = new Date('2026-11-29T03:00:00Z'); // 2026-11-29 12:00 Tokyo
    expect(reviewStateOf(reviewed('2025-11-30'), onDay)).toBe('current');
    expect(reviewStateOf(reviewed('2025-11-29'), onDay)).toBe('overdue');
    expect(reviewStateOf(reviewed('2024-01-01'), onDay)).toBe('overdue');
    expect(isOverdueForReview(reviewed('2025-11-30'), onDay)).toBe(false);
    expect(isOverdueForReview(reviewed('2025-11-29'), onDay)).toBe(true);
  });

  it('counts a procedure never reviewed as needing a review', () => {
    const now = new Date('2026-11-29T03:00:00Z');
    expect(reviewStateOf(reviewed(null), now)).toBe('never');
    expect(isOverdueForReview(reviewed(null), now)).toBe(true);
  });

  it('turns at midnight in Tokyo, whatever the zone of the PC', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        // 2026-11-28 23:59 in Tokyo: the anniversary has not come yet.
        expect(reviewStateOf(reviewed('2025-11-29'), new Date('2026-11-28T14:59:00Z'))).toBe(
          'current',
        );
        // 2026-11-29 00:00 in Tokyo (still the 28th in UTC and in Los Angeles).
        expect(reviewStateOf(reviewed('2025-11-29'), new Date('2026-11-28T15:00:00Z'))).toBe(
          'overdue',
        );
        expect(todayInTokyo(new Date('2026-11-28T15:00:00Z'))).toBe('2026-11-29');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('falls due on 28 February for a review on 29 February', () => {
    expect(reviewDueOn('2024-02-29')).toBe('2025-02-28');
    expect(reviewDueOn('2025-03-01')).toBe('2026-03-01');
    expect(reviewStateOf(reviewed('2024-02-29'), new Date('2025-02-27T03:00:00Z'))).toBe('current');
    expect(reviewStateOf(reviewed('2024-02-29'), new Date('2025-02-28T03:00:00Z'))).toBe('overdue');
  });

  it('follows the configured period (reviewPeriods.procedureMonths), as 点検 does', () => {
    expect(reviewDueOn('2025-08-31', 6)).toBe('2026-02-28');
    const sevenMonths = new Date('2026-06-02T03:00:00Z');
    expect(reviewStateOf(reviewed('2025-11-01'), sevenMonths)).toBe('current');
    expect(reviewStateOf(reviewed('2025-11-01'), sevenMonths, 6)).toBe('overdue');
    expect(isOverdueForReview(reviewed('2025-11-01'), sevenMonths, 6)).toBe(true);
    expect(reviewFlagLabel('overdue')).toBe('要見直し（1年以上見直していません）');
    expect(reviewFlagLabel('overdue', 6)).toBe('要見直し（6か月以上見直していません）');
    expect(reviewFlagLabel('overdue', 24)).toBe('要見直し（2年以上見直していません）');
    expect(reviewFlagLabel('never', 6)).toBe('見直し日未記入');
  });

  it('refuses a date that is not YYYY-MM-DD instead of guessing', () => {
    expect(() => reviewDueOn('2025/11/29')).toThrow(RangeError);
  });
});

describe('steps by phase', () => {
  it('orders 初動 → 代替 → 復旧 and keeps the order within a phase', () => {
    const steps = [
      { id: 'r1', phase: 'recovery' as const },
      { id: 'i1', phase: 'initial' as const },
      { id: 'f1', phase: 'fallback' as const },
      { id: 'i2', phase: 'initial' as const },
    ];
    expect(sortStepsByPhase(steps).map((s) => s.id)).toEqual(['i1', 'i2', 'f1', 'r1']);
  });

  it('warns, without refusing, when there is no 初動 step', () => {
    const noInitial = procedure({
      steps: [{ id: STEP(2), phase: 'fallback', role: '', text: '紙で受け付ける' }],
    });
    expect(procedureWarnings(noInitial)).toEqual([NO_INITIAL_STEP_WARNING]);
    expect(procedureWarnings(procedure({ steps: [] }))).toEqual([NO_INITIAL_STEP_WARNING]);
    expect(procedureWarnings(procedure())).toEqual([]);
    expect(checkProcedureInput(noInitial, known, new Date('2026-11-29T03:00:00Z'))).toEqual([]);
  });
});

describe('checks of a person’s input', () => {
  const now = new Date('2026-11-29T03:00:00Z');

  it('accepts a complete procedure', () => {
    expect(checkProcedureInput(procedure(), known, now)).toEqual([]);
  });

  it('asks for the text of a step, the name of a paper form and the parts of an agreement', () => {
    const data = procedure({
      steps: [
        { id: STEP(1), phase: 'initial', role: '窓口担当', text: '報告する' },
        { id: STEP(2), phase: 'fallback', role: '係長', text: '  ' },
      ],
      paperForms: ['様式A 紙の受付簿', ''],
      agreements: [{ id: STEP(3), date: '', parties: ' ', content: '' }],
    });
    expect(checkProcedureInput(data, known, now)).toEqual([
      {
        path: 'steps.1.text',
        message: '手順の内容を入力してください（不要な手順は削除してください）',
      },
      {
        path: 'paperForms.1',
        message: '様式の名前を入力してください（不要な行は削除してください）',
      },
      { path: 'agreements.0.date', message: '合意した日付を入力してください' },
      {
        path: 'agreements.0.parties',
        message: '合意の相手を入力してください（例: 架空システムズ株式会社）',
      },
      { path: 'agreements.0.content', message: '合意した内容を入力してください' },
    ]);
  });

  it('refuses a review date after today in Tokyo', () => {
    // 2026-11-29 08:00 in Tokyo is still the 28th in UTC: the 29th is today, not the future.
    const earlyMorning = new Date('2026-11-28T23:00:00Z');
    expect(
      checkProcedureInput(procedure({ lastReviewedOn: '2026-11-29' }), known, earlyMorning),
    ).toEqual([]);
    expect(
      checkProcedureInput(procedure({ lastReviewedOn: '2026-11-30' }), known, earlyMorning),
    ).toEqual([{ path: 'lastReviewedOn', message: '最終見直し日が未来の日付になっています' }]);
  });

  it('tells deleted systems from systems this PC never had, and catches missing levels', () => {
    const data = procedure({
      systemIds: [SYSTEM_A, SYSTEM_GONE, SYSTEM_ELSEWHERE],
      levels: [2, 5],
    });
    expect(findBrokenReferences(data, known)).toEqual([
      { kind: 'deletedSystem', id: SYSTEM_GONE },
      { kind: 'unknownSystem', id: SYSTEM_ELSEWHERE },
      { kind: 'missingLevel', level: 5 },
    ]);
    expect(checkProcedureInput(data, known, now)).toEqual([
      {
        path: 'systemIds',
        message: '削除されたシステムが対象に入っています。チェックを外してください。',
      },
      {
        path: 'levels',
        message:
          '登録されていない障害レベル（レベル5）が対象に入っています。チェックを外すか、「障害レベル」で登録してください。',
      },
    ]);
    expect(
      checkProcedureInput(procedure({ systemIds: [SYSTEM_ELSEWHERE] }), known, now)[0]?.message,
    ).toBe(
      'この端末に登録されていないシステムが対象に入っています。チェックを外すか、データ交換でシステムを取り込んでください。',
    );
  });
});
