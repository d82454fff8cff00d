import { describe, expect, it } from 'vitest';
import {
  describeDeadline,
  findLevel,
  formatMinutes,
  formatNotifyWithin,
  levelQuestions,
  notificationDeadline,
  suggestLevel,
  type LevelDefinition,
} from '../../../src/domain/levelSuggestion.ts';
import { incidentLevelDataSchema } from '../../../src/domain/incidentLevel.ts';
import { demoLevels } from '../../../src/demo/demoCatalog.ts';

const q = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function level(
  n: number,
  questions: [number, string, number][] = [],
  notifyWithinMinutes: number | null = 30,
): LevelDefinition {
  return {
    level: n,
    name: `名前${n}`,
    notify: `連絡先${n}`,
    notifyWithinMinutes,
    questions: questions.map(([id, text, impliesLevel]) => ({ id: q(id), text, impliesLevel })),
  };
}

const levels = [
  level(1, [[1, '一部の端末だけ', 1]]),
  level(3, [
    [31, '優先業務が止まった', 3],
    [32, '複数の課に影響', 3],
  ]),
  level(2, [
    [21, '課全体で止まった', 2],
    [22, '漏えいのおそれ', 4],
  ]),
  level(4, [], 10),
];

describe('levelQuestions', () => {
  it('lists every question, the highest implied level first, in the written order within one', () => {
    expect(levelQuestions(levels).map((e) => e.question.text)).toEqual([
      '漏えいのおそれ',
      '優先業務が止まった',
      '複数の課に影響',
      '課全体で止まった',
      '一部の端末だけ',
    ]);
    expect(levelQuestions(levels)[0]!.owner.level).toBe(2);
  });

  it('copes with levels stored before questions existed', () => {
    expect(levelQuestions([{ ...level(1), questions: undefined }])).toEqual([]);
  });
});

describe('suggestLevel', () => {
  it('suggests nothing when no question is answered yes', () => {
    expect(suggestLevel(levels, {})).toBeNull();
    expect(suggestLevel(levels, { [q(31)]: false, [q(1)]: false })).toBeNull();
    expect(suggestLevel([], { [q(1)]: true })).toBeNull();
  });

  it('suggests the highest level implied by several yes answers, with its reasons', () => {
    const suggestion = suggestLevel(levels, {
      [q(1)]: true,
      [q(31)]: true,
      [q(32)]: true,
      [q(21)]: true,
    });
    expect(suggestion?.level).toBe(3);
    expect(suggestion?.definition?.name).toBe('名前3');
    expect(suggestion?.because.map((e) => e.question.text)).toEqual([
      '優先業務が止まった',
      '複数の課に影響',
    ]);
  });

  it('follows the level a question implies, not the level it is stored on', () => {
    const suggestion = suggestLevel(levels, { [q(22)]: true, [q(1)]: true });
    expect(suggestion?.level).toBe(4);
    expect(suggestion?.definition?.notifyWithinMinutes).toBe(10);
  });

  it('ignores answers to questions no level holds any more', () => {
    expect(suggestLevel(levels, { [q(999)]: true })).toBeNull();
    expect(suggestLevel(levels, { [q(999)]: true, [q(21)]: true })?.level).toBe(2);
  });

  it('still suggests a level number that has no definition', () => {
    const suggestion = suggestLevel([level(1, [[5, '全庁停止', 5]])], { [q(5)]: true });
    expect(suggestion).toMatchObject({ level: 5, definition: undefined });
  });
});

describe('findLevel', () => {
  it('takes the shortest deadline when an import left two levels with one number', () => {
    const twins = [level(2, [], 60), level(2, [], null), level(2, [], 15)];
    expect(findLevel(twins, 2)?.notifyWithinMinutes).toBe(15);
    expect(findLevel(twins, 3)).toBeUndefined();
  });
});

describe('notificationDeadline', () => {
  const occurredAt = '2026-11-29T01:20:00.000Z'; // 10:20 in Tokyo

  it('counts the level’s minutes from the time of occurrence', () => {
    const deadline = notificationDeadline({ level: 3, occurredAt }, levels);
    expect(deadline?.dueAt.toISOString()).toBe('2026-11-29T01:50:00.000Z');
    expect(deadline).toMatchObject({ notify: '連絡先3', minutes: 30 });
  });

  it('has none without a level, a known level, a deadline or a time of occurrence', () => {
    expect(notificationDeadline({ level: null, occurredAt }, levels)).toBeNull();
    expect(notificationDeadline({ level: 7, occurredAt }, levels)).toBeNull();
    expect(notificationDeadline({ level: 1, occurredAt }, [level(1, [], null)])).toBeNull();
    expect(notificationDeadline({ level: 1, occurredAt: '' }, levels)).toBeNull();
    expect(notificationDeadline({ level: 1, occurredAt: 'いつか' }, levels)).toBeNull();
  });

  it('treats a deadline of 0 minutes as "at once", not as none', () => {
    const deadline = notificationDeadline({ level: 1, occurredAt }, [level(1, [], 0)]);
    expect(deadline?.dueAt.toISOString()).toBe(occurredAt);
  });
});

describe('describeDeadline', () => {
  const at = (iso: string) => new Date(iso);

  it('counts down in Tokyo time, rounding the minutes left up', () => {
    // 10:10:30 Tokyo, due 10:35 Tokyo
    expect(describeDeadline(at('2026-11-29T01:35:00Z'), at('2026-11-29T01:10:30Z'))).toEqual({
      text: 'あと25分（10:35まで）',
      isOverdue: false,
    });
    expect(describeDeadline(at('2026-11-29T02:45:00Z'), at('2026-11-29T01:10:00Z')).text).toBe(
      'あと1時間35分（11:45まで）',
    );
  });

  it('says how late an overdue notification is', () => {
    expect(describeDeadline(at('2026-11-29T01:35:00Z'), at('2026-11-29T01:50:59Z'))).toEqual({
      text: '期限を15分過ぎています（10:35まで）',
      isOverdue: true,
    });
    expect(describeDeadline(at('2026-11-29T01:35:00Z'), at('2026-11-29T01:35:20Z'))).toEqual({
      text: 'いまが期限です（10:35まで）',
      isOverdue: true,
    });
  });

  it('names the next day across midnight in Tokyo, whatever the PC’s zone', () => {
    // 23:50 Tokyo on 29 Nov (14:50 UTC, still the 29th in UTC too), due 00:10 Tokyo on the 30th.
    const due = notificationDeadline({ level: 1, occurredAt: '2026-11-29T14:40:00.000Z' }, [
      level(1, [], 30),
    ])!.dueAt;
    expect(describeDeadline(due, at('2026-11-29T14:50:00Z')).text).toBe('あと20分（翌0:10まで）');
    // At 00:30 Tokyo the deadline was 20 minutes ago, the same calendar day in Tokyo.
    expect(describeDeadline(due, at('2026-11-29T15:30:00Z')).text).toBe(
      '期限を20分過ぎています（0:10まで）',
    );
    // Days later the date is given.
    expect(describeDeadline(due, at('2026-12-02T00:10:00Z')).text).toBe(
      '期限を2日9時間過ぎています（11月30日 0:10まで）',
    );
  });
});

describe('formatMinutes and formatNotifyWithin', () => {
  it('words spans as a clerk would say them', () => {
    expect(formatMinutes(0)).toBe('0分');
    expect(formatMinutes(45)).toBe('45分');
    expect(formatMinutes(60)).toBe('1時間');
    expect(formatMinutes(90)).toBe('1時間30分');
    expect(formatMinutes(1440)).toBe('1日');
    expect(formatMinutes(1500)).toBe('1日1時間');
    expect(formatNotifyWithin(240)).toBe('発生から4時間以内');
    expect(formatNotifyWithin(null)).toBe('期限なし');
  });
});

describe('the demo municipality’s levels', () => {
  it('are valid, each with questions that suggest that very level', () => {
    for (const demo of demoLevels) {
      expect(incidentLevelDataSchema.safeParse(demo).success).toBe(true);
      expect(demo.questions?.length).toBeGreaterThanOrEqual(2);
      const answers = Object.fromEntries(demo.questions!.map((x) => [x.id, true]));
      expect(suggestLevel(demoLevels, answers)?.definition).toBe(demo);
    }
    const ids = demoLevels.flatMap((l) => l.questions!.map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
