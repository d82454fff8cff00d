import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  conflictFieldKeys,
  defaultChoices,
  isFieldDifferent,
  isMergeableList,
  mergeListField,
  resolveConflictData,
  variantItemId,
  type FieldChoices,
} from '../../../src/domain/conflictResolution.ts';
import type { RecordFields } from '../../../src/domain/recordVersion.ts';

// Items are written short: 'a@09:見た' is the timeline entry with id a at 09:00 saying 見た;
// 'a*' in a result is a variant of a (a was edited differently on two PCs; both are kept).
const idOf = (letter: string) => `00000000-0000-4000-8000-${letter.padStart(12, '0')}`;
const letterOf = new Map<string, string>();
for (const letter of 'abcdefxyz') letterOf.set(idOf(letter), letter);

function entry(text: string) {
  const [, letter, hour, body] = /^(\w)@(\d\d):(.*)$/.exec(text)!;
  return { id: idOf(letter!), at: `2026-11-20T${hour}:00:00.000Z`, status: null, text: body! };
}
function showEntry(item: unknown): string {
  const e = item as ReturnType<typeof entry>;
  return `${letterOf.get(e.id) ?? `${[...letterOf.values()].find((l) => e.text.startsWith(l.toUpperCase())) ?? '?'}*`}@${e.at.slice(11, 13)}:${e.text}`;
}
function attempt(text: string) {
  const [letter, action] = text.split(':');
  return { id: idOf(letter!), action: action ?? letter!.toUpperCase(), result: '' };
}
function showAttempt(item: unknown): string {
  const a = item as ReturnType<typeof attempt>;
  return letterOf.get(a.id) ?? `${a.action[0]!.toLowerCase()}*`;
}

/** timelines of the versions (winner first) → resolved timeline, and how many variants kept. */
// prettier-ignore
const timelineTable: [string, string[][], string[], number][] = [
  ['identical timelines',
    [['a@09:A'], ['a@09:A']],                          ['a@09:A'], 0],
  ['an entry only the other PC recorded is kept, in time order',
    [['a@09:A', 'b@11:B'], ['a@09:A', 'c@10:C']],      ['a@09:A', 'c@10:C', 'b@11:B'], 0],
  ['an entry only this PC recorded is kept',
    [['a@09:A', 'b@11:B'], ['a@09:A']],                ['a@09:A', 'b@11:B'], 0],
  ['one entry edited on both PCs: both texts kept, side by side',
    [['a@09:A', 'b@11:B1'], ['a@09:A', 'b@11:B2']],    ['a@09:A', 'b@11:B1', 'b*@11:B2'], 1],
  ['three versions',
    [['a@09:A'], ['a@09:A', 'b@10:B'], ['c@08:C', 'a@09:A']], ['c@08:C', 'a@09:A', 'b@10:B'], 0],
  ['four versions, each with an earlier entry',
    [['d@12:D'], ['c@11:C'], ['b@10:B'], ['a@09:A']],  ['a@09:A', 'b@10:B', 'c@11:C', 'd@12:D'], 0],
  ['entries at the same instant keep the winner’s order first',
    [['b@09:B'], ['a@09:A']],                          ['b@09:B', 'a@09:A'], 0],
  ['a version without the field (a tombstone) adds nothing',
    [['a@09:A'], []],                                  ['a@09:A'], 0],
];

describe('timeline union', () => {
  it.each(timelineTable)('%s', (_, versions, expected, variants) => {
    const datas = versions.map((list, i) =>
      i > 0 && list.length === 0 ? {} : { timeline: list.map(entry) },
    );
    const merged = mergeListField('incident', 'timeline', datas);
    expect(merged.items.map(showEntry)).toEqual(expected);
    expect(merged.variants).toBe(variants);
  });
});

/** attempts of the versions → resolved attempts: each version's own order is kept. */
// prettier-ignore
const attemptTable: [string[][], string[]][] = [
  [[['a', 'b', 'c'], ['a', 'x', 'b']],         ['a', 'x', 'b', 'c']],
  [[['a', 'b'], ['b', 'y']],                   ['a', 'b', 'y']],
  [[['a', 'b'], ['z', 'a']],                   ['z', 'a', 'b']],
  [[['a'], ['a:A2']],                          ['a', 'a*']],
  [[['a', 'b'], ['a:A2', 'b', 'y']],           ['a', 'a*', 'b', 'y']],
  [[['a'], ['a:A2'], ['a:A2']],                ['a', 'a*']],
  [[['a', 'b'], ['a:A2', 'c'], ['a:A2', 'd']], ['a', 'a*', 'd', 'c', 'b']],
];

describe('attempts union', () => {
  it.each(attemptTable)('%j → %j', (versions, expected) => {
    const datas = versions.map((list) => ({ attempts: list.map(attempt) }));
    expect(mergeListField('incident', 'attempts', datas).items.map(showAttempt)).toEqual(expected);
  });
});

describe('lists matched otherwise', () => {
  const ref = (letter: string, name: string) => ({
    id: idOf(letter),
    name,
    mediaType: 'image/png',
    size: 1,
    sha256: '0'.repeat(64),
  });

  it('keeps every attachment once, and never invents an id for stored bytes', () => {
    const merged = mergeListField('incident', 'attachments', [
      { attachments: [ref('a', 'a.png'), ref('b', 'b.png')] },
      { attachments: [ref('a', '改名.png'), ref('c', 'c.png')] },
    ]);
    expect(merged.items).toEqual([ref('a', 'a.png'), ref('c', 'c.png'), ref('b', 'b.png')]);
    expect(merged).toMatchObject({ variants: 0, skipped: 1 });
  });

  it('matches phones and paper forms by their whole content', () => {
    const phone = (label: string, number: string) => ({ label, number });
    expect(
      mergeListField('contact', 'phones', [
        { phones: [phone('代表', '03-1111')] },
        { phones: [phone('代表', '03-1111'), phone('夜間', '03-2222')] },
      ]).items,
    ).toEqual([phone('代表', '03-1111'), phone('夜間', '03-2222')]);
    expect(
      mergeListField('procedure', 'paperForms', [
        { paperForms: ['受付簿', '交付簿'] },
        { paperForms: ['受付簿', '仮交付票'] },
      ]).items,
    ).toEqual(['受付簿', '仮交付票', '交付簿']);
  });

  it('names the list-like fields of each record type', () => {
    const lists = ['timeline', 'contactsMade', 'attempts', 'attachments'];
    for (const key of lists) expect(isMergeableList('incident', key)).toBe(true);
    for (const key of ['steps', 'agreements', 'paperForms'])
      expect(isMergeableList('procedure', key)).toBe(true);
    expect(isMergeableList('contact', 'phones')).toBe(true);
    expect(isMergeableList('incidentLevel', 'questions')).toBe(true);
    expect(isMergeableList('incident', 'cause')).toBe(false);
    expect(isMergeableList('contact', 'systemIds')).toBe(false);
    expect(isMergeableList('system', 'toString')).toBe(false);
  });

  it('derives a variant id that is a valid UUID v4 and the same on every PC', () => {
    const id = variantItemId(idOf('a'), '{"text":"A2"}');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(variantItemId(idOf('a'), '{"text":"A2"}')).toBe(id);
    expect(variantItemId(idOf('a'), '{"text":"A3"}')).not.toBe(id);
    expect(variantItemId(idOf('b'), '{"text":"A2"}')).not.toBe(id);
  });
});

// Whole records: versions (winner first), the person's choices → resolved data.
const mine = {
  title: '窓口端末が固まる',
  cause: '',
  timeline: [entry('a@09:発生'), entry('b@11:再起動')],
};
const theirs = {
  title: '窓口端末が固まる',
  cause: 'メモリ不足',
  systemName: '住民記録',
  timeline: [entry('a@09:発生'), entry('c@10:ベンダーへ連絡')],
};
const recordTable: [string, RecordFields[], FieldChoices, RecordFields][] = [
  [
    'by default: lists combined, other fields from the winner, a field only one has kept',
    [mine, theirs],
    {},
    {
      ...mine,
      systemName: '住民記録',
      timeline: [mine.timeline[0], theirs.timeline[1], mine.timeline[1]],
    },
  ],
  [
    'a field chosen from the other version',
    [mine, theirs],
    { cause: 1 },
    {
      ...mine,
      cause: 'メモリ不足',
      systemName: '住民記録',
      timeline: [mine.timeline[0], theirs.timeline[1], mine.timeline[1]],
    },
  ],
  [
    'one version’s whole list instead of the union',
    [mine, theirs],
    { timeline: 1, systemName: 0 },
    { ...mine, timeline: theirs.timeline },
  ],
  [
    'union asked of a field that is not a list takes the winner’s',
    [mine, theirs],
    { cause: 'union' },
    {
      ...mine,
      systemName: '住民記録',
      timeline: [mine.timeline[0], theirs.timeline[1], mine.timeline[1]],
    },
  ],
  ['a tombstone beside a live version', [mine, {}], {}, mine],
];

describe('resolveConflictData', () => {
  it.each(recordTable)('%s', (_, datas, choices, expected) => {
    // Strict: a field left out must be absent, not present as undefined.
    expect(resolveConflictData('incident', datas, choices)).toStrictEqual(expected);
  });

  it('leaves out a field whose chosen version is no longer there', () => {
    expect(resolveConflictData('incident', [mine, theirs], { cause: 5 })).not.toHaveProperty(
      'cause',
    );
  });

  it('chooses the union only for list fields that differ', () => {
    expect(defaultChoices('incident', [mine, theirs])).toEqual({
      title: 0,
      cause: 0,
      timeline: 'union',
      systemName: 1,
    });
    expect(defaultChoices('incident', [mine, mine])).toEqual({ title: 0, cause: 0, timeline: 0 });
  });

  it('lists every field of every version, the winner’s first, and marks the differing ones', () => {
    expect(conflictFieldKeys([mine, theirs])).toEqual(['title', 'cause', 'timeline', 'systemName']);
    expect(isFieldDifferent([mine, theirs], 'title')).toBe(false);
    expect(isFieldDifferent([mine, theirs], 'cause')).toBe(true);
    expect(isFieldDifferent([mine, theirs], 'systemName')).toBe(true);
    expect(isFieldDifferent([{ a: null }, {}], 'a')).toBe(false);
  });
});

describe('properties of the union', () => {
  const letters = fc.constantFrom(...'abcdefxyz');
  const version = fc.uniqueArray(
    fc.record({ letter: letters, hour: fc.integer({ min: 10, max: 12 }), edit: fc.boolean() }),
    { selector: (e) => e.letter, maxLength: 6 },
  );
  const toData = (list: { letter: string; hour: number; edit: boolean }[]) => ({
    timeline: list.map((e) =>
      entry(`${e.letter}@${e.hour}:${e.letter.toUpperCase()}${e.edit ? '2' : ''}`),
    ),
  });

  it('loses no entry: every version’s entries are in the result, by id or as a variant', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 2, maxLength: 4 }), (versions) => {
        const datas = versions.map(toData);
        const result = mergeListField('incident', 'timeline', datas).items as ReturnType<
          typeof entry
        >[];
        const contents = new Set(result.map((e) => `${e.at}|${e.text}`));
        for (const d of datas)
          for (const e of d.timeline) expect(contents.has(`${e.at}|${e.text}`)).toBe(true);
        expect(new Set(result.map((e) => e.id)).size).toBe(result.length);
        expect(result.map((e) => e.at)).toEqual(result.map((e) => e.at).sort());
      }),
    );
  });

  it('absorbs: merging the result again with any version changes nothing', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 2, maxLength: 4 }), (versions) => {
        const datas = versions.map(toData);
        const result = resolveConflictData('incident', datas);
        for (const d of datas) expect(resolveConflictData('incident', [result, d])).toEqual(result);
      }),
    );
  });
});
