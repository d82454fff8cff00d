import { describe, expect, it } from 'vitest';
import { exposedCells, protectLine } from '../../../src/domain/statisticsSuppression.ts';
import {
  buildStatistics,
  thresholdProblem,
  type StatisticsCell,
} from '../../../src/domain/statistics.ts';
import { monthPeriod } from '../../../src/domain/reportPeriod.ts';
import {
  statisticsColumns,
  statisticsJsonFields,
  statisticsToCsv,
  statisticsToJson,
} from '../../../src/exchange/statisticsCsv.ts';
import type { IncidentStatus } from '../../../src/domain/incidentStatus.ts';
import type { ImpactScope } from '../../../src/domain/incident.ts';
import { id, incident } from './reportFixtures.ts';

const T = 3;
const show = (counts: number[], hidden: boolean[] | null) =>
  hidden ? counts.map((c, i) => (hidden[i] ? 'X' : c)) : null;

/**
 * Every value each hidden cell can take for the worst reader, by brute force (independent of the
 * interval reasoning in the code): the line's sum is known, a primary cell is 1…T−1, a secondary
 * one T or more and no more than the smallest published non-zero cell.
 */
function possibleValues(counts: number[], hidden: boolean[]): Set<number>[] {
  const sum = counts.reduce((s, c, i) => s + (hidden[i] ? c : 0), 0);
  const published = counts.filter((c, i) => !hidden[i] && c > 0);
  const cap = published.length ? Math.min(...published) : sum;
  const cells = counts.flatMap((c, i) =>
    hidden[i] ? [{ i, lo: c < T ? 1 : T, hi: c < T ? T - 1 : cap }] : [],
  );
  const seen = cells.map(() => new Set<number>());
  const walk = (k: number, left: number, chosen: number[]) => {
    if (k === cells.length) {
      if (left === 0) chosen.forEach((v, j) => seen[j]!.add(v));
      return;
    }
    for (let v = cells[k]!.lo; v <= Math.min(cells[k]!.hi, left); v++)
      walk(k + 1, left - v, [...chosen, v]);
  };
  walk(0, sum, []);
  return seen;
}

describe('protectLine (one line whose sum the reader knows)', () => {
  it.each([
    // counts → published (X = suppressed), or null: the whole line must be hidden
    [
      [0, 4, 5],
      [0, 4, 5],
    ], // nothing small: nothing hidden
    [
      [1, 5, 7],
      ['X', 'X', 7],
    ], // one small cell: the smallest other goes too
    [
      [1, 2, 6],
      ['X', 'X', 6],
    ], // 1 + 2 = 3 could be 1+2 or 2+1
    [
      [2, 2, 10],
      ['X', 'X', 'X'],
    ], // 2 + 2 = 4 can only be 2+2: a third cell is hidden
    [
      [1, 1, 9, 4],
      ['X', 'X', 9, 'X'],
    ], // 1 + 1 = 2 can only be 1+1
    [
      [0, 1, 8, 0],
      [0, 'X', 'X', 0],
    ], // zeros stay published
    [[1, 1, 1], null], // three 1s of a total of 3: nothing can protect them
  ])('%j → %j', (counts, expected) => {
    expect(show(counts, protectLine(counts, T))).toEqual(expected);
  });

  it('leaves no hidden cell that a reader could work out, for every small line', () => {
    let lines = 0;
    // Every line of 2 to 4 cells with counts 0…6.
    for (let n = 2; n <= 4; n++) {
      for (let code = 0; code < 7 ** n; code++) {
        const counts = Array.from({ length: n }, (_, i) => Math.floor(code / 7 ** i) % 7);
        const hidden = protectLine(counts, T);
        if (!hidden) {
          // Refused only when even hiding every non-zero cell leaves one exposed.
          expect(
            exposedCells(
              counts,
              counts.map((c) => c > 0),
              T,
            ).length,
          ).toBeGreaterThan(0);
          continue;
        }
        lines++;
        counts.forEach((c, i) => {
          if (c > 0 && c < T) expect(hidden[i]).toBe(true);
          if (c === 0) expect(hidden[i]).toBe(false);
        });
        for (const values of possibleValues(counts, hidden))
          expect(values.size, JSON.stringify(counts)).toBeGreaterThan(1);
      }
    }
    expect(lines).toBeGreaterThan(2000);
  });
});

function cellsOf(cells: StatisticsCell[], dimension: string) {
  return Object.fromEntries(
    cells.filter((c) => c.dimension === dimension).map((c) => [c.category, c.count]),
  );
}

const options = {
  period: monthPeriod('2026-11'),
  threshold: T,
  systemNames: new Map([
    [id(1), '住民記録システム'],
    [id(2), '税務システム'],
  ]),
  definedLevels: [1, 2],
};

/** An incident of November in the given state; resolved ones recovered after `minutes`. */
function nov(system: number, scope: ImpactScope, status: IncidentStatus, minutes = 30) {
  const recovered = ['provisional', 'resolved', 'closed'].includes(status);
  return incident(
    {
      systemId: id(system),
      scope,
      level: 1,
      title: '住民票が出ない',
      reporterName: '山田 花子',
      terminal: '窓口PC-01',
      errorMessage: 'ERR-102',
    },
    recovered ? [[status, minutes]] : [[status, 1]],
  );
}

describe('buildStatistics', () => {
  it('hides small cells and enough others that no cell follows from the month total', () => {
    const incidents = [
      ...Array.from({ length: 6 }, () => nov(1, 'several', 'closed')),
      nov(1, 'self', 'closed', 300),
      nov(2, 'several', 'closed', 300),
      nov(2, 'several', 'closed', 300),
      nov(2, 'several', 'closed', 300),
    ];
    const cells = buildStatistics(incidents, options);
    expect(cellsOf(cells, 'total')).toEqual({ 合計: 10 });
    expect(cellsOf(cells, 'system')).toEqual({ 住民記録システム: 7, 税務システム: 3 });
    // 自分の端末のみ 1 is small; 複数の端末 9 goes with it, or 10 − 9 would give it away.
    expect(cellsOf(cells, 'scope')).toEqual({
      自分の端末のみ: null,
      複数の端末: null,
      課全体: 0,
      全庁: 0,
    });
    expect(cellsOf(cells, 'recovery')).toMatchObject({ '1時間未満': 6, '4時間以上24時間未満': 4 });
    expect(cells.filter((c) => c.suppressed).every((c) => c.count === null)).toBe(true);
  });

  it('hides the status and recovery rows together when the recovered group cannot be protected', () => {
    const incidents = [
      ...Array.from({ length: 5 }, () => nov(1, 'several', 'inProgress')),
      nov(1, 'several', 'closed', 30), // one recovered incident: its band would follow
    ];
    const cells = buildStatistics(incidents, options);
    expect(Object.values(cellsOf(cells, 'status')).every((v) => v === null)).toBe(true);
    expect(Object.values(cellsOf(cells, 'recovery')).every((v) => v === null)).toBe(true);
    expect(cellsOf(cells, 'system')).toEqual({ 住民記録システム: 6 });
  });

  it('hides a month with fewer incidents than the threshold whole, and publishes an empty month', () => {
    const cells = buildStatistics([nov(1, 'self', 'closed'), nov(2, 'all', 'closed')], {
      ...options,
      period: { from: '2026-10-01', to: '2026-11-30' },
    });
    const october = cells.filter((c) => c.month === '2026-10');
    const november = cells.filter((c) => c.month === '2026-11');
    expect(october.every((c) => c.count === 0 && !c.suppressed)).toBe(true);
    expect(november.every((c) => c.suppressed)).toBe(true);
  });

  it('names unregistered systems by one category, never by their typed name', () => {
    const other = incident({ systemId: id(9), systemName: '山田さんの端末の独自ツール' });
    const cells = buildStatistics([other, other, other], options);
    expect(cellsOf(cells, 'system')).toEqual({ 'その他（未登録のシステム）': 3 });
  });

  it('refuses a threshold that is not a whole number from 2 to 50, in Japanese', () => {
    expect(thresholdProblem('3')).toBeNull();
    for (const bad of ['1', '0', '51', '2.5', 'abc', ''])
      expect(thresholdProblem(bad)).toBe('秘匿の基準は2から50までの整数で入力してください。');
  });
});

describe('statistics files', () => {
  const incidents = Array.from({ length: 4 }, () => nov(1, 'several', 'closed'));
  const file = {
    period: options.period,
    threshold: T,
    generatedOn: '2026-12-01',
    cells: buildStatistics(incidents, options),
  };

  it('writes the CSV through the one CSV module: BOM, CRLF, the listed columns, X for 秘匿', () => {
    const csv = statisticsToCsv(file);
    expect(csv.startsWith('\uFEFF月,区分,項目,件数,秘匿\r\n')).toBe(true);
    expect(csv).toContain('\r\n2026-11,合計,合計,4,\r\n');
    expect(csv).toContain('2026-11,状態,完了,4,\r\n');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(file.cells.length + 1);
  });

  it('writes JSON with exactly the fields the screen lists, and no field of the incidents', () => {
    const json = JSON.parse(statisticsToJson(file));
    expect(Object.keys(json)).toEqual(statisticsJsonFields.map((f) => f.json));
    for (const cell of json.cells)
      expect(Object.keys(cell)).toEqual(statisticsColumns.map((c) => c.json));
    const text = statisticsToJson(file) + statisticsToCsv(file);
    for (const i of incidents)
      for (const value of [i.id, i.title, i.reporterName, i.terminal, i.errorMessage, i.rev])
        expect(text).not.toContain(value);
  });
});
