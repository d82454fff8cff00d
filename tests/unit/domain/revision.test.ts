import { describe, expect, it } from 'vitest';
import {
  computeRevision,
  extendHistory,
  MAX_REVISION_HISTORY,
  canonicalJson,
} from '../../../src/domain/revision.ts';
import { firstRevisionMeta, nextRevisionMeta, pickData } from '../../../src/domain/recordMeta.ts';

describe('revisions', () => {
  it('are deterministic content hashes that ignore key order', () => {
    const a = computeRevision(null, false, { b: 1, a: 'x' });
    expect(a).toBe(computeRevision(null, false, { a: 'x', b: 1 }));
    expect(a).toMatch(/^1-[0-9a-f]{32}$/);
    expect(computeRevision(null, false, { a: 'y', b: 1 })).not.toBe(a);
    expect(computeRevision(null, true, { b: 1, a: 'x' })).not.toBe(a);
  });

  it('count generations from the parent and keep the ancestry newest first, capped', () => {
    const first = computeRevision(null, false, { n: 0 });
    const second = computeRevision(first, false, { n: 1 });
    expect(second.startsWith('2-')).toBe(true);
    expect(extendHistory(second, [first])).toEqual([second, first]);
    const long = Array.from({ length: MAX_REVISION_HISTORY + 5 }, (_, i) =>
      computeRevision(null, false, { i }),
    );
    expect(extendHistory(first, long)).toHaveLength(MAX_REVISION_HISTORY);
  });

  it('canonicalise like RFC 8785', () => {
    expect(canonicalJson({ b: [1, 'é'], a: { d: true, c: null } })).toBe(
      '{"a":{"c":null,"d":true},"b":[1,"é"]}',
    );
  });

  it('build metadata for first and following revisions', () => {
    const station = '00000000-0000-4000-8000-000000000001';
    const first = firstRevisionMeta({ x: 1 }, station, '2026-01-01T00:00:00.000Z');
    const next = nextRevisionMeta(first, { x: 2 }, station, '2026-01-02T00:00:00.000Z', true);
    expect(next).toMatchObject({
      id: first.id,
      revisions: [first.rev],
      deleted: true,
      createdAt: first.createdAt,
    });
    expect(pickData({ ...first, x: 1 })).toEqual({ x: 1 });
  });
});
