import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAncestor, mergeLeaves, resolutionMeta } from '../../../src/exchange/merge.ts';
import { created, edited, type TestRecord } from './mergeHelpers.ts';

// Three stations edit three records at random, export bundles (all their leaves) at random
// moments, and deliver them to each other duplicated and out of order, with skewed clocks.
// After a final full exchange every station must hold the same leaves and winner, and no
// edit may be lost.

const IDS = [
  'aaaaaaaa-0000-4000-8000-000000000001',
  'aaaaaaaa-0000-4000-8000-000000000002',
  'aaaaaaaa-0000-4000-8000-000000000003',
];
type Station = Map<string, TestRecord[]>;
type Bundle = TestRecord[];
type Op =
  | { kind: 'edit'; station: number; record: number; v: string; deleted: boolean; at: number }
  | { kind: 'resolve'; station: number; record: number; at: number }
  | { kind: 'export'; station: number }
  | { kind: 'deliver'; station: number; bundle: number };

const stationArb = fc.integer({ min: 0, max: 2 });
const atArb = fc.integer({ min: 0, max: 4_000_000_000_000 }); // clocks anywhere from 1970 to 2096
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    station: stationArb,
    record: fc.integer({ min: 0, max: 2 }),
    // A tiny alphabet so two PCs sometimes make the identical edit (the same rev).
    v: fc.constantFrom('x', 'y', 'z', '住所変更', ''),
    deleted: fc.boolean(),
    at: atArb,
  }),
  fc.record({
    kind: fc.constant('resolve' as const),
    station: stationArb,
    record: fc.integer({ min: 0, max: 2 }),
    at: atArb,
  }),
  fc.record({ kind: fc.constant('export' as const), station: stationArb }),
  fc.record({ kind: fc.constant('deliver' as const), station: stationArb, bundle: fc.nat() }),
);

function importBundle(station: Station, bundle: Bundle): void {
  const groups = new Map<string, TestRecord[]>();
  for (const record of bundle) groups.set(record.id, [...(groups.get(record.id) ?? []), record]);
  for (const [id, incoming] of groups)
    station.set(id, mergeLeaves(station.get(id) ?? [], incoming).leaves);
}

function exportBundle(station: Station): Bundle {
  return [...station.values()].flat();
}

interface Run {
  stations: Station[];
  edits: Set<string>;
  bundles: Bundle[];
}

function run(ops: Op[], skew: (at: number) => number = (at) => at): Run {
  const stations: Station[] = [new Map(), new Map(), new Map()];
  const edits = new Set<string>();
  const bundles: Bundle[] = [];
  for (const op of ops) {
    const station = stations[op.station]!;
    if (op.kind === 'edit') {
      const id = IDS[op.record]!;
      const at = new Date(skew(op.at)).toISOString();
      const leaves = station.get(id) ?? [];
      // Edits apply to the winner, as the record screens do; siblings stay in conflict.
      const next = leaves[0] ? edited(leaves[0], op.v, at, op.deleted) : created(id, op.v, at);
      station.set(id, mergeLeaves(leaves, [next]).leaves);
      edits.add(next.rev);
    } else if (op.kind === 'resolve') {
      const leaves = station.get(IDS[op.record]!) ?? [];
      if (leaves.length < 2) continue;
      const v = leaves.map((l) => l.v).join('+');
      const meta = resolutionMeta(
        leaves,
        { v },
        leaves[0]!.createdBy,
        new Date(skew(op.at)).toISOString(),
      );
      const resolved = { ...leaves[0]!, ...meta, v };
      station.set(resolved.id, mergeLeaves(leaves, [resolved]).leaves);
      edits.add(resolved.rev);
    } else if (op.kind === 'export') {
      bundles.push(exportBundle(station));
    } else if (bundles.length) {
      importBundle(station, bundles[op.bundle % bundles.length]!);
    }
  }
  // Full exchange: everyone exports, then everyone imports everything (twice, shuffled).
  const finals = stations.map(exportBundle);
  stations.forEach((station, i) => {
    for (const bundle of [...finals.slice(i), ...finals.slice(0, i), ...finals])
      importBundle(station, bundle);
  });
  return { stations, edits, bundles };
}

const revsOf = (station: Station) =>
  Object.fromEntries([...station].map(([id, leaves]) => [id, leaves.map((l) => l.rev)]));

describe('merge across three stations (property)', () => {
  it('converges to the same winner and leaf set everywhere, and loses no edit', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const { stations, edits } = run(ops);
        const expected = revsOf(stations[0]!);
        for (const station of stations) expect(revsOf(station)).toEqual(expected);
        const leaves = [...stations[0]!.values()].flat();
        for (const rev of edits)
          expect(leaves.some((l) => l.rev === rev || isAncestor(rev, l))).toBe(true);
        for (const group of stations[0]!.values())
          for (const leaf of group)
            expect(group.some((other) => isAncestor(leaf.rev, other))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('lets no clock decide: the same edits with skewed clocks end the same', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const straight = run(ops);
        const skewed = run(ops, (at) => 4_000_000_000_000 - at);
        expect(revsOf(skewed.stations[0]!)).toEqual(revsOf(straight.stations[0]!));
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent and order-independent over any set of bundles', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.infiniteStream(fc.nat()), (ops, seeds) => {
        const { bundles } = run(ops);
        if (bundles.length === 0) return;
        const once = new Map() as Station;
        for (const bundle of bundles) importBundle(once, bundle);
        const shuffled = bundles
          .map((bundle) => ({ bundle, key: seeds.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.bundle);
        const twice = new Map() as Station;
        for (const bundle of [...shuffled, ...shuffled.reverse()]) importBundle(twice, bundle);
        expect(revsOf(twice)).toEqual(revsOf(once));
      }),
      { numRuns: 200 },
    );
  });
});
