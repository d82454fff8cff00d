import { describe, expect, it } from 'vitest';
import { emptyIncident, incidentDataSchema } from '../../../src/domain/incident.ts';
import { describeCall, logCall } from '../../../src/domain/incidentCalls.ts';

const AT = '2026-11-30T00:30:00.000Z';
const contactId = '00000000-0000-4000-8000-000000000002';
const base = emptyIncident({
  title: '印刷できない',
  systemId: '00000000-0000-4000-8000-000000000001',
  occurredAt: '2026-11-30T00:00:00.000Z',
});

describe('calls logged from an incident', () => {
  it('adds a contact entry and the matching timeline entry in one step', () => {
    const { data, entryId } = logCall(
      base,
      { contactId, who: 'サポートセンター', number: '03-0000-0000' },
      AT,
    );
    expect(data.contactsMade).toEqual([
      { id: entryId, at: AT, who: 'サポートセンター', contactId, method: 'phone', summary: '' },
    ]);
    expect(data.timeline).toEqual([
      { id: entryId, at: AT, status: null, text: 'サポートセンターに電話（03-0000-0000）' },
    ]);
    expect(incidentDataSchema.safeParse(data).success).toBe(true);
    expect(base.contactsMade).toEqual([]);
  });

  it('names who made the call (1.3) beside whom, and leaves the 経過 text as it was', () => {
    const target = { contactId, who: 'サポートセンター', number: null };
    const { data } = logCall(base, target, AT, ' 山田 花子 ');
    expect(data.contactsMade[0]!.by).toBe('山田 花子');
    expect(data.timeline[0]!.text).toBe('サポートセンターに電話');
    expect(incidentDataSchema.safeParse(data).success).toBe(true);
    // Nobody known at the keyboard: no `by` at all, as on entries from before 1.3.
    expect(logCall(base, target, AT, null).data.contactsMade[0]).not.toHaveProperty('by');
    expect(logCall(base, target, AT, '  ').data.contactsMade[0]).not.toHaveProperty('by');
  });

  it('adds what was said to both entries later', () => {
    const { data, entryId } = logCall(
      base,
      { contactId, who: 'サポートセンター', number: null },
      AT,
    );
    const described = describeCall(data, entryId, ' 調査中、30分後に折り返し ', null);
    expect(described.contactsMade[0]!.summary).toBe('調査中、30分後に折り返し');
    expect(described.timeline[0]!.text).toBe('サポートセンターに電話: 調査中、30分後に折り返し');
    expect(describeCall(data, 'missing', 'x', null)).toBe(data);
  });
});
