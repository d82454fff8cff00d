import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../../src/db/records.ts';
import { resolveConflict } from '../../../src/db/conflicts.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import { computeRevision } from '../../../src/domain/revision.ts';
import type { RecordOf } from '../../../src/domain/recordSchemas.ts';
import { itForm } from './exchangeHelpers.ts';
import {
  createMesh,
  departmentNo,
  exportFrom,
  importInto,
  leafRevs,
  newIncident,
} from './syncHelpers.ts';

// Issue #12, item 2, through the real storage layer: two PCs resolve one conflict the same way
// (same rev), one of them also knowing a third version E. Every PC must end without E.

async function setUp() {
  const [it_, d1, d2] = await createMesh([itForm, departmentNo(1), departmentNo(2)]);
  const x = await newIncident(it_!, '証明書が印刷できない');
  const first = await exportFrom(it_!);
  await importInto(d1!, first);
  await importInto(d2!, first);
  const data = pickData(x);
  d1!.use();
  const a = await saveRecord('incident', { ...data, symptoms: 'A' }, { id: x.id });
  d2!.use();
  const b = await saveRecord('incident', { ...data, symptoms: 'B' }, { id: x.id });
  // E: a concurrent edit on the IT PC whose rev sorts below the resolution's parent, so both
  // resolutions below name the same parent and get the same rev.
  const top = a.rev > b.rev ? a.rev : b.rev;
  let text = '';
  for (let i = 0; ; i += 1) {
    text = `E${i}`;
    if (computeRevision(x.rev, false, { ...data, symptoms: text }) < top) break;
  }
  it_!.use();
  const e = await saveRecord('incident', { ...data, symptoms: text }, { id: x.id });
  return { it_: it_!, d1: d1!, d2: d2!, x, a, e };
}

async function resolveWith(
  station: Awaited<ReturnType<typeof setUp>>['d1'],
  id: string,
  chosen: RecordOf<'incident'>,
) {
  const revs = await leafRevs(station, 'incident', id);
  return resolveConflict('incident', id, pickData(chosen), revs);
}

describe('the same resolution on two PCs, one knowing a third version', () => {
  it('converges: no PC keeps E, whichever copy of the resolution arrives first', async () => {
    const { it_, d1, d2, x, a, e } = await setUp();
    const fromD1 = await exportFrom(d1, 'delta');
    const fromD2 = await exportFrom(d2, 'delta');
    await importInto(d1, fromD2);
    await importInto(it_, fromD1);
    await importInto(it_, fromD2);
    const itWithE = await exportFrom(it_, 'delta');
    await importInto(d2, itWithE);
    expect(await leafRevs(d2, 'incident', x.id)).toHaveLength(3);

    d1.use();
    const short = await resolveWith(d1, x.id, a);
    it_.use();
    const long = await resolveWith(it_, x.id, a);
    expect(long.rev).toBe(short.rev);
    expect(long.revisions).toContain(e.rev);
    expect(short.revisions).not.toContain(e.rev);

    // d2 gets the short copy first (E stays beside it), then the long one: E is superseded.
    const shortFile = await exportFrom(d1, 'delta');
    const longFile = await exportFrom(it_, 'delta');
    await importInto(d2, shortFile);
    expect(await leafRevs(d2, 'incident', x.id)).toEqual(
      [short.rev, e.rev].sort((p, q) => (p === short.rev ? -1 : q === short.rev ? 1 : 0)),
    );
    const { preview } = await importInto(d2, longFile);
    expect(preview.rows).toEqual([expect.objectContaining({ change: 'updated' })]);
    expect(await leafRevs(d2, 'incident', x.id)).toEqual([short.rev]);
    expect(await exchangeTables(d2.db).conflicts.count()).toBe(0);

    // d1 holds the short copy: it learns E as an ancestor (same content, history only) and
    // writes it, so E arriving late later is already known there.
    const learnt = await importInto(d1, longFile);
    expect(learnt.preview.rows).toEqual([expect.objectContaining({ change: 'updated' })]);
    expect((await d1.db.incidents.get(x.id))!.revisions).toContain(e.rev);
    const late = await importInto(d1, itWithE);
    expect(late.preview.rows).toEqual([expect.objectContaining({ change: 'unchanged' })]);
    expect(await leafRevs(d1, 'incident', x.id)).toEqual([short.rev]);

    // The learnt ancestry travels on: d1's next delta carries the record again, with E.
    const onward = JSON.parse((await exportFrom(d1, 'delta')).text) as {
      records: { revisions: string[] }[];
    };
    expect(onward.records[0]!.revisions).toContain(e.rev);
    for (const station of [it_, d1, d2])
      expect(await leafRevs(station, 'incident', x.id)).toEqual([short.rev]);
  });
});
