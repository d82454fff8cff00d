import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/domain/audit.ts';
import {
  auditFilterFromParams,
  auditFilterProblem,
  auditFilterToParams,
  auditPeriodBounds,
  emptyAuditFilter,
  formatAuditTime,
  recordIdInText,
  type AuditFilter,
} from '../../../src/domain/auditFilter.ts';
import { matchesAuditFilter } from '../../../src/domain/auditDigest.ts';

const ID = '0b6c1f1e-3f0a-4c57-9a55-0d1a2b3c4d5e';
const OTHER = '7d1f2e3a-4b5c-4d6e-8f70-8192a3b4c5d6';

function entry(fields: Partial<AuditEntry>): AuditEntry {
  return {
    at: '2026-11-29T01:00:00.000Z',
    stationId: OTHER,
    actor: '山田 花子',
    action: 'update',
    recordType: 'contact',
    recordId: ID,
    rev: null,
    summary: '連絡先「ヘルプデスク」を更新',
    ...fields,
  };
}

const filter = (patch: Partial<AuditFilter>): AuditFilter => ({ ...emptyAuditFilter, ...patch });

describe('audit filter in the URL', () => {
  it('round-trips every part and leaves a plain URL for the whole trail', () => {
    const full: AuditFilter = {
      from: '2026-11-01',
      to: '2026-11-30',
      action: 'export',
      recordType: 'incident',
      text: '連絡先 csv',
      who: '山田',
    };
    const params = auditFilterToParams(full);
    expect(params.toString()).toBe(
      'from=2026-11-01&to=2026-11-30&action=export&type=incident&q=%E9%80%A3%E7%B5%A1%E5%85%88+csv&who=%E5%B1%B1%E7%94%B0',
    );
    expect(auditFilterFromParams(params)).toEqual(full);
    expect(auditFilterToParams(emptyAuditFilter).toString()).toBe('');
  });

  it('drops what a URL cannot mean instead of failing', () => {
    const parsed = auditFilterFromParams(
      new URLSearchParams('from=2026-13-45&to=yesterday&action=drop&type=people&q=x'),
    );
    expect(parsed).toEqual(filter({ text: 'x' }));
  });
});

describe('period on the Tokyo calendar', () => {
  it('runs from 00:00 JST of the first day to 00:00 JST after the last', () => {
    expect(auditPeriodBounds({ from: '2026-11-29', to: '2026-11-29' })).toEqual({
      lower: '2026-11-28T15:00:00.000Z',
      upper: '2026-11-29T15:00:00.000Z',
    });
    expect(auditPeriodBounds({ from: '', to: '' })).toEqual({ lower: null, upper: null });
  });

  it('keeps the first and last millisecond of the days and nothing around them', () => {
    const day = filter({ from: '2026-11-29', to: '2026-11-29' });
    const at = (iso: string) => matchesAuditFilter(entry({ at: iso }), day);
    expect(at('2026-11-28T14:59:59.999Z')).toBe(false); // 11/28 23:59:59.999 JST
    expect(at('2026-11-28T15:00:00.000Z')).toBe(true); // 11/29 00:00 JST
    expect(at('2026-11-29T14:59:59.999Z')).toBe(true); // 11/29 23:59:59.999 JST
    expect(at('2026-11-29T15:00:00.000Z')).toBe(false); // 11/30 00:00 JST
  });

  it('refuses a period that ends before it starts, in plain Japanese, matching nothing', () => {
    const backwards = filter({ from: '2026-11-30', to: '2026-11-01' });
    expect(auditFilterProblem(backwards)).toBe(
      '期間の開始日が終了日より後になっています。日付を直してください。',
    );
    expect(matchesAuditFilter(entry({}), backwards)).toBe(false);
    expect(auditFilterProblem(filter({ from: '2026-11-01', to: '2026-11-01' }))).toBeNull();
  });
});

describe('matching an entry', () => {
  it('by kind of change', () => {
    expect(matchesAuditFilter(entry({}), filter({ action: 'update' }))).toBe(true);
    expect(matchesAuditFilter(entry({}), filter({ action: 'export' }))).toBe(false);
  });

  it('by record type, also through the records an import changed', () => {
    const imported = entry({
      action: 'import',
      recordType: null,
      recordId: null,
      records: [
        {
          type: 'incident',
          id: OTHER,
          change: 'new',
          replacedRev: null,
          replacedBy: null,
          newRev: '1-aaaa',
          newBy: { source: 'key', label: '市民課', role: 'department', keyId: 'kid-1' },
        },
      ],
      recordIds: [OTHER],
    });
    expect(matchesAuditFilter(imported, filter({ recordType: 'incident' }))).toBe(true);
    expect(matchesAuditFilter(imported, filter({ recordType: 'contact' }))).toBe(false);
    // The signer of what an import brought is a "who".
    expect(matchesAuditFilter(imported, filter({ who: '市民課' }))).toBe(true);
    expect(matchesAuditFilter(imported, filter({ who: 'kid-1' }))).toBe(true);
    // A whole id finds the import that changed that record.
    expect(matchesAuditFilter(imported, filter({ text: ` ${OTHER.toUpperCase()} ` }))).toBe(true);
    expect(matchesAuditFilter(imported, filter({ text: ID }))).toBe(false);
  });

  it('by words of the text, folded (full-width, case), every word required', () => {
    const csv = entry({
      action: 'export',
      summary: 'CSVファイル「連絡先_20261129.csv」を書き出し（連絡先 3件）',
      release: {
        kind: 'csv',
        name: '連絡先_20261129.csv',
        count: 3,
        sha256: null,
        innerSha256: null,
        where: '架空市 市民課 窓口PC-01',
      },
    });
    expect(matchesAuditFilter(csv, filter({ text: 'ｃｓｖ 連絡先' }))).toBe(true);
    expect(matchesAuditFilter(csv, filter({ text: 'csv 障害記録' }))).toBe(false);
    expect(matchesAuditFilter(csv, filter({ who: '窓口pc-01' }))).toBe(true);
  });

  it('by who: the staff name or the station id', () => {
    expect(matchesAuditFilter(entry({}), filter({ who: '山田' }))).toBe(true);
    expect(matchesAuditFilter(entry({}), filter({ who: OTHER.slice(0, 8) }))).toBe(true);
    expect(matchesAuditFilter(entry({}), filter({ who: '佐藤' }))).toBe(false);
  });
});

describe('small helpers', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('writes the time on the Tokyo clock whatever the PC zone is', () => {
    process.env.TZ = 'America/New_York';
    expect(formatAuditTime('2026-11-28T15:04:05.000Z')).toBe('2026/11/29 00:04');
    expect(formatAuditTime('2026-11-28T15:04:05.000Z', true)).toBe('2026/11/29 00:04:05');
    expect(formatAuditTime('not a date')).toBe('—');
  });

  it('tells a pasted record id from words', () => {
    expect(recordIdInText(` ${ID} `)).toBe(ID);
    expect(recordIdInText(`${ID} 更新`)).toBeNull();
    expect(recordIdInText('ヘルプデスク')).toBeNull();
  });
});
