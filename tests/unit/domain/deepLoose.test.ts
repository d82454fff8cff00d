import { describe, expect, it } from 'vitest';
import { z } from '../../../src/domain/zodLocale.ts';
import { deepLoose } from '../../../src/domain/deepLoose.ts';
import { recordSchemas } from '../../../src/domain/recordSchemas.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';

// A record of a newer minor version may carry fields this version does not know, also inside a
// list entry (incident 1.3 added contactsMade[].by). Read through looseData they are kept, not
// refused, while every other rule still holds.

const entry = z
  .strictObject({ who: z.string().min(1), at: z.string() })
  .refine((e) => e.at.length > 0, { message: 'at' });
const schema = z.strictObject({
  name: z.string().max(5),
  entries: z.array(entry).max(2),
  nested: z.strictObject({ inner: z.strictObject({ n: z.number() }) }).optional(),
  maybe: entry.nullable(),
});

describe('deepLoose', () => {
  it('keeps unknown members at every depth and every other check', () => {
    const loose = deepLoose(schema);
    const value = {
      name: 'abc',
      extra: 1,
      entries: [{ who: 'a', at: 'x', by: '山田' }],
      nested: { inner: { n: 1, later: true }, also: 'y' },
      maybe: { who: 'b', at: 'y', note: 'z' },
    };
    expect(schema.safeParse(value).success).toBe(false);
    expect(loose.parse(value)).toEqual(value);
    // The rules besides unknown members are those of the strict schema.
    for (const bad of [
      { ...value, name: 'too long' },
      { ...value, entries: [value.entries[0], value.entries[0], value.entries[0]] },
      { ...value, entries: [{ who: '', at: 'x' }] },
      { ...value, entries: [{ who: 'a', at: '' }] },
      { ...value, nested: { inner: { n: 'one' } } },
    ])
      expect(loose.safeParse(bad).success).toBe(false);
  });

  it('reads an incident of a newer minor version with an unknown field in a call entry', () => {
    const data = {
      ...emptyIncident({
        title: '停止',
        systemId: '00000000-0000-4000-8000-00000000a001',
        occurredAt: '2026-11-30T00:00:00.000Z',
      }),
      contactsMade: [
        {
          id: '00000000-0000-4000-8000-00000000c001',
          at: '2026-11-30T00:00:00.000Z',
          who: '保守',
          contactId: null,
          method: 'phone',
          summary: '',
          calledFrom: '窓口2',
        },
      ],
    };
    expect(recordSchemas.incident.data.safeParse(data).success).toBe(false);
    const loose = recordSchemas.incident.looseData.safeParse(data);
    expect(loose.success).toBe(true);
    expect(loose.data).toEqual(data);
  });
});
