import { describe, expect, it } from 'vitest';
import {
  actorNameOf,
  needsOperatorChoice,
  operatorNameProblem,
  operatorOf,
  parseStaffNames,
  staffListOf,
} from '../../../src/domain/operator.ts';
import { confirmerName } from '../../../src/domain/contact.ts';
import { stationFormSchema } from '../../../src/domain/station.ts';

// Who is at the keyboard (PRODUCT.md decision 6): the staff list, the operator and the name every
// trace carries, as pure rules.

const station = { staffName: '山田 花子', terminal: '窓口PC-01' };
const shared = { ...station, staffNames: ['山田 花子', '佐藤 一郎'] };
const nobody = { staffName: '', terminal: '窓口PC-01' };

describe('the staff list', () => {
  it('is the 担当者名 on a station saved before the list existed (or with an empty one)', () => {
    expect(staffListOf(station)).toEqual(['山田 花子']);
    expect(staffListOf({ ...station, staffNames: [] })).toEqual(['山田 花子']);
    expect(staffListOf({ ...station, staffName: '  ' })).toEqual([]);
    expect(staffListOf(shared)).toEqual(['山田 花子', '佐藤 一郎']);
  });

  it('is typed one name a line; names are trimmed and blank lines dropped', () => {
    expect(parseStaffNames(' 山田 花子 \r\n\n佐藤 一郎\n  \n')).toEqual(['山田 花子', '佐藤 一郎']);
    expect(parseStaffNames('')).toEqual([]);
  });
});

describe('the operator', () => {
  it('is the name chosen in this session, whether on the list or not', () => {
    expect(operatorOf(shared, '佐藤 一郎')).toBe('佐藤 一郎');
    expect(operatorOf(shared, ' 田中 次郎 ')).toBe('田中 次郎');
  });

  it('is the only name on the list without asking', () => {
    expect(operatorOf(station, null)).toBe('山田 花子');
    expect(needsOperatorChoice(station, null)).toBe(false);
  });

  it('must be chosen when several share the PC and nobody was chosen', () => {
    expect(operatorOf(shared, null)).toBeNull();
    expect(operatorOf(shared, '  ')).toBeNull();
    expect(needsOperatorChoice(shared, null)).toBe(true);
    expect(needsOperatorChoice(shared, '佐藤 一郎')).toBe(false);
  });

  it('is nobody on a station without names, and nobody is asked', () => {
    expect(operatorOf(nobody, null)).toBeNull();
    expect(needsOperatorChoice(nobody, null)).toBe(false);
  });

  it('refuses an empty or too long typed name in Japanese', () => {
    expect(operatorNameProblem(' ')).toBe('名前を入力してください');
    expect(operatorNameProblem('あ'.repeat(101))).toBe('名前は100文字以内で入力してください');
    expect(operatorNameProblem('田中 次郎')).toBeNull();
  });
});

describe('the name a trace carries', () => {
  it.each([
    ['the chosen operator', shared, '佐藤 一郎', '佐藤 一郎'],
    ['the only staff member', station, null, '山田 花子'],
    ['the 担当者名 while nobody is chosen among several', shared, null, '山田 花子'],
    ['the terminal when no name is known', nobody, null, '窓口PC-01'],
  ])('is %s', (_name, s, chosen, expected) => {
    expect(actorNameOf(s, chosen)).toBe(expected);
    // 「確認した」 names the same person as the audit trail.
    expect(confirmerName(s, chosen)).toBe(expected);
  });
});

describe('the station form', () => {
  const form = {
    municipality: '架空市',
    department: '市民課',
    terminal: '窓口PC-01',
    staffName: '山田 花子',
    role: 'department' as const,
  };

  it('accepts a station without a list (as stored before it existed) and with one', () => {
    expect(stationFormSchema.safeParse(form).success).toBe(true);
    expect(stationFormSchema.safeParse({ ...form, staffNames: ['山田 花子'] }).success).toBe(true);
  });

  it.each([
    [
      'a name twice',
      ['山田 花子', '山田 花子'],
      ['staffNames.1', '「山田 花子」が2回入っています'],
    ],
    [
      'a long name',
      ['あ'.repeat(101)],
      ['staffNames.0', '担当者の名前は100文字以内で入力してください'],
    ],
    [
      'more than 30 people',
      Array.from({ length: 31 }, (_, i) => `職員${i}`),
      ['staffNames', '担当者の一覧は30人までです'],
    ],
  ])('refuses %s with a Japanese message', (_name, staffNames, [path, message]) => {
    const parsed = stationFormSchema.safeParse({ ...form, staffNames });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect([issue.path.join('.'), issue.message]).toEqual([path, message]);
  });
});
