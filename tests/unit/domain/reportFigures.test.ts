import { describe, expect, it } from 'vitest';
import {
  ageBandOf,
  countByLevel,
  countByMonth,
  countByStatus,
  countBySystem,
  departmentsOf,
  incidentsInScope,
  median,
  openIncidentsByAge,
  percentile,
  summarizeDurations,
  type ReportFilter,
} from '../../../src/domain/reportFigures.ts';
import {
  addMonths,
  monthPeriod,
  monthsOf,
  periodProblem,
  periodRange,
  tokyoMonthOf,
} from '../../../src/domain/reportPeriod.ts';
import {
  errorCodeOf,
  recurringErrors,
  recurringSystems,
} from '../../../src/domain/reportRecurring.ts';
import { at, id, incident, MINUTE } from './reportFixtures.ts';

const november: ReportFilter = {
  period: monthPeriod('2026-11'),
  department: '',
  includeDrills: false,
};
const label = (i: { systemId: string }) => (i.systemId === id(1) ? '住民記録' : '税務');

describe('report period (Tokyo calendar)', () => {
  it('starts and ends months at Tokyo midnight, whatever the PC zone', () => {
    const { start, end } = periodRange(monthPeriod('2026-11'));
    expect(new Date(start).toISOString()).toBe('2026-10-31T15:00:00.000Z');
    expect(new Date(end).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    // 2026-11-30 23:30 UTC is already 12月1日 in Tokyo.
    expect(tokyoMonthOf('2026-11-30T15:30:00Z')).toBe('2026-12');
    expect(monthPeriod(addMonths('2026-01', -1))).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(addMonths('2026-11', 14)).toBe('2028-01');
    expect(monthPeriod('2028-02').to).toBe('2028-02-29');
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ from: '2025-11-20', to: '2026-02-03' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('refuses a custom period that cannot be used, in Japanese', () => {
    expect(periodProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(periodProblem('2026-11-30', '2026-11-01')).toBe('開始日が終了日より後になっています。');
    expect(periodProblem('', '2026-11-01')).toMatch(/両方入力/);
    expect(periodProblem('2026-02-30', '2026-03-01')).toMatch(/実在する日/);
    expect(periodProblem('2000-01-01', '2026-01-01')).toMatch(/長すぎます/);
  });
});

describe('counts', () => {
  const incidents = [
    incident({ occurredAt: '2026-10-31T15:00:00Z', level: 2, department: '市民課' }), // 11/1 0:00 Tokyo
    incident({ occurredAt: at(0), level: 2, department: '市民課 ' }, [['resolved', 30]]),
    incident({ occurredAt: at(10), level: null, systemId: id(2), department: '税務課' }),
    incident({ occurredAt: '2026-10-31T14:59:00Z', level: 1, department: '市民課' }), // October
    { ...incident({ occurredAt: at(20) }), deleted: true },
    { ...incident({ occurredAt: at(30), department: '市民課' }), drillId: id(900) },
  ];

  it('keeps the period, the department, and leaves deleted records and drills out', () => {
    expect(incidentsInScope(incidents, november)).toHaveLength(3);
    expect(incidentsInScope(incidents, { ...november, department: '市民課' })).toHaveLength(2);
    expect(incidentsInScope(incidents, { ...november, includeDrills: true })).toHaveLength(4);
    expect(departmentsOf(incidents)).toEqual(['市民課', '税務課']);
  });

  it('counts by system, level (zeros and 未設定 included), status and month', () => {
    const inScope = incidentsInScope(incidents, november);
    expect(countBySystem(inScope, label)).toEqual([
      { key: id(1), label: '住民記録', count: 2 },
      { key: id(2), label: '税務', count: 1 },
    ]);
    expect(countByLevel(inScope, [1, 2, 3]).map((r) => [r.label, r.count])).toEqual([
      ['レベル1', 0],
      ['レベル2', 2],
      ['レベル3', 0],
      ['未設定', 1],
    ]);
    expect(countByStatus(inScope).map((r) => [r.label, r.count])).toEqual([
      ['発生', 2],
      ['報告済', 0],
      ['対応中', 0],
      ['暫定復旧', 0],
      ['解決', 1],
      ['完了', 0],
    ]);
    const months = countByMonth(
      incidentsInScope(incidents, {
        ...november,
        period: { from: '2026-10-01', to: '2026-11-30' },
      }),
      { from: '2026-10-01', to: '2026-11-30' },
    );
    expect(months.map((r) => [r.label, r.count])).toEqual([
      ['2026年10月', 1],
      ['2026年11月', 3],
    ]);
  });
});

describe('median and 90th percentile', () => {
  it('takes the middle (mean of two) and the nearest rank', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(percentile([], 90)).toBeNull();
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile([...ten, 11], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
  });

  it('summarises the incidents behind each figure, 不明 apart and never averaged in', () => {
    const incidents = [
      incident({}, [['provisional', 30]]),
      incident({}, [['provisional', 90]]),
      incident({}, [['provisional', 60]]),
      incident({ occurredAt: at(100) }, [['provisional', 50]]), // skewed clock
      incident({ status: 'closed' }), // no time recorded
      incident({}, [['reported', 10]]), // not recovered yet
    ];
    const summary = summarizeDurations(incidents, 'provisional');
    expect(summary.known.map((k) => k.ms / MINUTE)).toEqual([30, 60, 90]);
    expect(summary.known.map((k) => k.id)).toEqual([
      incidents[0]!.id,
      incidents[2]!.id,
      incidents[1]!.id,
    ]);
    expect(summary.unknown).toEqual([
      { id: incidents[3]!.id, reason: 'negative' },
      { id: incidents[4]!.id, reason: 'missing' },
    ]);
    expect(summary.median).toBe(60 * MINUTE);
    expect(summary.p90).toBe(90 * MINUTE);
  });
});

describe('open incidents by age and level', () => {
  const now = new Date(Date.parse(at(0)) + 10 * 86_400_000);
  it('puts each open incident in one age band and level, whatever the period', () => {
    const incidents = [
      incident({ occurredAt: at(0), level: 2 }), // 10 days
      incident({ occurredAt: at(9 * 24 * 60 + 60), level: 2 }), // 23 hours
      incident({ occurredAt: at(-40 * 24 * 60), level: null }, [['inProgress', 0]]), // 50 days
      incident({ occurredAt: at(0), level: 3 }, [['resolved', 10]]), // not open
      incident({ occurredAt: at(20 * 24 * 60), level: 1 }), // in the future: a skewed clock
    ];
    const open = openIncidentsByAge(incidents, november, [1, 2, 3], now);
    expect(open.bands.map((b) => [b.label, b.count])).toEqual([
      ['1日未満', 1],
      ['1〜7日', 0],
      ['7〜30日', 1],
      ['30日以上', 1],
      ['不明', 1],
    ]);
    expect(open.cells.get('month|2')).toBe(1);
    expect(open.cells.get('day|2')).toBe(1);
    expect(open.cells.get('older|none')).toBe(1);
    expect(open.ids).toHaveLength(4);
    expect(ageBandOf('2026-11-10T00:00:00Z', new Date('2026-11-11T00:00:00Z'))).toBe('week');
  });
});

describe('recurring errors and systems', () => {
  it('finds the code in a message, folded so full-width and dashes match', () => {
    expect(errorCodeOf('E-PRT-0042 帳票サーバに接続できません')).toBe('e-prt-0042');
    expect(errorCodeOf('ＥＲＲ－１０２ 住所コードが不正です')).toBe('err-102');
    expect(errorCodeOf('ネットワークエラー (0x80072EE7)')).toBe('0x80072ee7');
    expect(errorCodeOf('サービス停止中')).toBeNull();
    expect(errorCodeOf('5分以上かかる')).toBeNull();
  });

  it('ranks errors seen twice or more, then the systems they recur on', () => {
    const incidents = [
      incident({ errorMessage: 'ERR-102 住所コードが不正です', occurredAt: at(0) }),
      incident({ errorMessage: 'err－102', occurredAt: at(50), systemId: id(2) }),
      incident({ errorMessage: 'ERR-102', occurredAt: at(10) }),
      incident({ errorMessage: 'サービス停止中', occurredAt: at(5), systemId: id(2) }),
      incident({ errorMessage: ' サービス停止中 ', occurredAt: at(6), systemId: id(2) }),
      incident({ errorMessage: 'E-1', occurredAt: at(7) }),
      incident({ errorMessage: '', occurredAt: at(8) }),
    ];
    const errors = recurringErrors(incidents, label);
    expect(errors.map((e) => [e.label, e.count, e.systems])).toEqual([
      ['ERR-102', 3, ['住民記録', '税務']],
      ['サービス停止中', 2, ['税務']],
    ]);
    expect(errors[0]!.lastAt).toBe(at(50));
    expect(recurringErrors(incidents, label, 1)).toHaveLength(1);
    expect(recurringSystems(incidents, label)).toEqual([
      { key: id(1), label: '住民記録', count: 4, open: 4, topError: 'ERR-102' },
      { key: id(2), label: '税務', count: 3, open: 3, topError: 'サービス停止中' },
    ]);
  });
});
