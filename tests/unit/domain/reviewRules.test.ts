import { describe, expect, it } from 'vitest';
import {
  addMonthsToDate,
  listReviewItems,
  type ReviewInputs,
  type ReviewSettings,
} from '../../../src/domain/reviewRules.ts';
import { reviewDueOn } from '../../../src/domain/procedureRules.ts';
import {
  defaultDeploymentSettings,
  deploymentSettingsOf,
  parseDeploymentConfig,
} from '../../../src/features/exchange/deploymentConfig.ts';
import { reviewSettingsOf } from '../../../src/features/review/useReviewItems.ts';

const defaults: ReviewSettings = reviewSettingsOf(defaultDeploymentSettings);
const CREATED = '2020-01-01T00:00:00Z';

/** An instant given as Tokyo wall-clock time. */
const tokyo = (local: string) => new Date(`${local}+09:00`);

function inputs(over: Partial<ReviewInputs> = {}): ReviewInputs {
  return {
    procedures: [],
    contacts: [],
    systems: [],
    levels: [],
    drills: [],
    followUps: [],
    lastBackupAt: '2026-11-28T00:00:00Z',
    ...over,
  };
}

const keys = (i: ReviewInputs, now: Date, settings = defaults) =>
  listReviewItems(i, settings, now).map((item) => item.key);

const done = (systemId: string, level: number | null, endedAt: string) => ({
  systemId,
  level,
  status: 'done' as const,
  plannedOn: '2020-01-01',
  startedAt: null,
  endedAt,
});

describe('addMonthsToDate (the same day, or the month’s last day — 民法143条)', () => {
  it.each([
    ['2026-05-31', 6, '2026-11-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonthsToDate(from, months)).toBe(expected);
  });

  it('agrees with the procedure flag’s reviewDueOn for 12 months', () => {
    for (const date of ['2025-11-29', '2024-02-29', '2025-12-31', '2026-01-01'])
      expect(addMonthsToDate(date, 12)).toBe(reviewDueOn(date));
  });
});

describe('listReviewItems', () => {
  it('lists a procedure from midnight in Tokyo on its due day, whatever the PC’s zone', () => {
    const i = inputs({
      procedures: [{ id: 'p', title: '住民票', lastReviewedOn: '2025-11-29', createdAt: CREATED }],
    });
    expect(keys(i, tokyo('2026-11-28T23:59:59'))).toEqual([]);
    expect(keys(i, tokyo('2026-11-29T00:00:00'))).toEqual(['procedure:p']);
    // 2026-11-28T15:00Z is already the 29th in Tokyo.
    expect(keys(i, new Date('2026-11-28T15:00:00Z'))).toEqual(['procedure:p']);
  });

  it('counts a procedure never reviewed as due since it was registered', () => {
    const [item] = listReviewItems(
      inputs({
        procedures: [
          { id: 'p', title: '新しい手順', lastReviewedOn: null, createdAt: '2026-11-28T16:00:00Z' },
        ],
      }),
      defaults,
      tokyo('2026-11-29T09:00:00'),
    );
    expect(item).toMatchObject({ kind: 'procedure', lastOn: null, dueSince: '2026-11-29' });
  });

  it('lists contacts not confirmed for contactMonths, at a month end and on a leap day', () => {
    const i = inputs({
      contacts: [
        { id: 'may31', name: 'A', confirmedOn: '2026-05-31', createdAt: CREATED },
        { id: 'leap', name: 'B', confirmedOn: '2028-02-29', createdAt: CREATED },
        { id: 'never', name: 'C', confirmedOn: undefined, createdAt: CREATED },
      ],
    });
    // 31 May + 6 months: 30 November (November has no 31st).
    expect(keys(i, tokyo('2026-11-29T12:00:00'))).toEqual(['contact:never']);
    expect(keys(i, tokyo('2026-11-30T00:00:00'))).toEqual(['contact:never', 'contact:may31']);
    // 29 February 2028 + 6 months = 29 August; + 12 months (a changed config) = 28 February 2029.
    const year = { ...defaults, periods: { ...defaults.periods, contactMonths: 12 } };
    const leap = inputs({ contacts: [i.contacts[1]!], lastBackupAt: '2029-02-27T00:00:00Z' });
    expect(keys(leap, tokyo('2028-08-29T00:00:00'))).toEqual(['contact:leap']);
    expect(keys(leap, tokyo('2029-02-27T23:59:00'), year)).toEqual([]);
    expect(keys(leap, tokyo('2029-02-28T00:00:00'), year)).toEqual(['contact:leap']);
  });

  it('takes its periods from sonae.config.json, with the defaults for what it leaves out', () => {
    const config = parseDeploymentConfig(
      JSON.stringify({
        format: 'sonae-config',
        version: 1,
        trustedKeys: [],
        backupReminderDays: 7,
        reviewPeriods: { contactMonths: 3 },
      }),
    );
    const settings = reviewSettingsOf(deploymentSettingsOf(config));
    expect(settings.periods).toEqual({
      procedureMonths: 12,
      contactMonths: 3,
      drillMonths: 12,
      levelDrillMonths: 12,
    });
    const i = inputs({
      contacts: [{ id: 'c', name: 'A', confirmedOn: '2026-08-29', createdAt: CREATED }],
      lastBackupAt: '2026-11-22T00:00:00Z',
    });
    expect(keys(i, tokyo('2026-11-29T10:00:00'), defaults)).toEqual([]);
    expect(keys(i, tokyo('2026-11-29T10:00:00'), settings)).toEqual(['backup', 'contact:c']);
  });

  it('lists systems without a finished drill in drillMonths; plans and running drills do not count', () => {
    const systems = [
      { id: 's1', name: '住民記録', createdAt: CREATED },
      { id: 's2', name: '税務', createdAt: CREATED },
      { id: 's3', name: '福祉', createdAt: CREATED },
    ];
    const drills = [
      // Ended at 00:30 in Tokyo on 30 Nov 2025 (still the 29th in UTC): the Tokyo date counts.
      done('s1', null, '2025-11-29T15:30:00Z'),
      { ...done('s2', null, '2026-01-01T00:00:00Z'), status: 'running' as const },
      { ...done('s3', null, '2026-10-01T00:00:00Z'), status: 'planned' as const },
    ];
    const i = inputs({ systems, drills });
    expect(keys(i, tokyo('2026-11-29T23:00:00'))).toEqual(['systemDrill:s2', 'systemDrill:s3']);
    expect(keys(i, tokyo('2026-11-30T00:00:00'))).toEqual([
      'systemDrill:s2',
      'systemDrill:s3',
      'systemDrill:s1',
    ]);
  });

  it('lists levels never played in a drill, or not for levelDrillMonths', () => {
    const levels = [
      { id: 'l1', level: 1, name: '軽微', createdAt: CREATED },
      { id: 'l2', level: 2, name: '重大', createdAt: CREATED },
      { id: 'l3', level: 3, name: '全庁', createdAt: CREATED },
    ];
    const drills = [done('s', 2, '2026-06-01T03:00:00Z'), done('s', 3, '2025-06-01T03:00:00Z')];
    const items = listReviewItems(inputs({ levels, drills }), defaults, tokyo('2026-11-29T09:00'));
    expect(items.map((i) => [i.key, i.title, i.lastOn])).toEqual([
      ['levelDrill:l1', 'レベル1 軽微', null],
      ['levelDrill:l3', 'レベル3 全庁', '2025-06-01'],
    ]);
  });

  it('puts open follow-ups first, then an overdue backup, then the rest, longest due first', () => {
    const i = inputs({
      procedures: [
        { id: 'p-old', title: 'い', lastReviewedOn: '2024-01-10', createdAt: CREATED },
        { id: 'p-new', title: 'あ', lastReviewedOn: '2025-06-30', createdAt: CREATED },
      ],
      contacts: [{ id: 'c', name: 'う', confirmedOn: '2020-01-01', createdAt: CREATED }],
      systems: [{ id: 's', name: 'え', createdAt: CREATED }],
      followUps: [
        {
          id: 'f2',
          targetType: 'procedure',
          targetId: 'p-new',
          text: '手順2の電話番号が古い',
          createdAt: '2026-11-20T00:00:00Z',
        },
        {
          id: 'f1',
          targetType: 'contact',
          targetId: 'c',
          text: '代行者が異動',
          createdAt: '2026-10-01T00:00:00Z',
        },
      ],
      lastBackupAt: null,
    });
    expect(keys(i, tokyo('2026-11-29T09:00'))).toEqual([
      'followUp:f1',
      'followUp:f2',
      'backup',
      'procedure:p-old',
      'procedure:p-new',
      'contact:c',
      'systemDrill:s',
    ]);
  });

  it('lists the backup from the day backupReminderDays have passed, and always when never made', () => {
    const at = (lastBackupAt: string | null) => inputs({ lastBackupAt });
    // Backed up at 23:30 on 30 Oct in Tokyo: due on 29 Nov (30 days later).
    expect(keys(at('2026-10-30T14:30:00Z'), tokyo('2026-11-28T23:59'))).toEqual([]);
    expect(keys(at('2026-10-30T14:30:00Z'), tokyo('2026-11-29T00:00'))).toEqual(['backup']);
    const [never] = listReviewItems(at(null), defaults, tokyo('2026-11-29T09:00'));
    expect(never).toMatchObject({ kind: 'backup', lastOn: null, dueSince: null });
  });
});
