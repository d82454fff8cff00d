import { describe, expect, it } from 'vitest';
import {
  formatJapaneseCalendarDate,
  formatJapaneseDate,
  formatJapaneseDateTime,
  japaneseEraName,
} from '../../../src/domain/japaneseDate.ts';

// CI runs in UTC and staff PCs may be set to anything: every case below is a Tokyo date.
describe('和暦 with 西暦 (decision 8)', () => {
  it('writes the example of PRODUCT.md', () => {
    expect(formatJapaneseDate('2026-11-29T00:00:00+09:00')).toBe('令和8年11月29日（2026年）');
  });

  it('takes the Tokyo date, not the UTC one', () => {
    // 2026-11-28 15:00 UTC is already the 29th in Tokyo.
    expect(formatJapaneseDate('2026-11-28T15:00:00Z')).toBe('令和8年11月29日（2026年）');
    expect(formatJapaneseDate('2026-11-28T14:59:59Z')).toBe('令和8年11月28日（2026年）');
  });

  it('writes the first year of an era as 元年, consistently', () => {
    expect(formatJapaneseDate('2019-05-01T00:00:00+09:00')).toBe('令和元年5月1日（2019年）');
    expect(formatJapaneseDate('2019-12-31T23:59:00+09:00')).toBe('令和元年12月31日（2019年）');
    expect(formatJapaneseDate('1989-01-08T00:00:00+09:00')).toBe('平成元年1月8日（1989年）');
    expect(formatJapaneseDate('2020-01-01T00:00:00+09:00')).toBe('令和2年1月1日（2020年）');
  });

  it('changes era at midnight in Tokyo', () => {
    expect(formatJapaneseDate('2019-04-30T23:59:00+09:00')).toBe('平成31年4月30日（2019年）');
    expect(formatJapaneseDate('2019-04-30T15:00:00Z')).toBe('令和元年5月1日（2019年）');
    expect(formatJapaneseDate('1989-01-07T12:00:00+09:00')).toBe('昭和64年1月7日（1989年）');
  });

  it('adds the Tokyo clock for 印刷日時', () => {
    expect(formatJapaneseDateTime('2026-11-29T00:05:00Z')).toBe('令和8年11月29日（2026年） 9:05');
    expect(formatJapaneseDateTime('2026-11-28T15:00:00Z')).toBe('令和8年11月29日（2026年） 0:00');
    expect(formatJapaneseDateTime(new Date('2026-11-29T14:30:00Z'))).toBe(
      '令和8年11月29日（2026年） 23:30',
    );
  });

  it('reads a calendar date (no zone) as that day', () => {
    expect(formatJapaneseCalendarDate('2026-04-15')).toBe('令和8年4月15日（2026年）');
    expect(formatJapaneseCalendarDate('2019-05-01')).toBe('令和元年5月1日（2019年）');
    expect(formatJapaneseCalendarDate(null)).toBe('—');
    expect(formatJapaneseCalendarDate('2026/04/15')).toBe('—');
  });

  it('says — for a value that is not a date', () => {
    expect(formatJapaneseDate('not a date')).toBe('—');
    expect(formatJapaneseDateTime(new Date(Number.NaN))).toBe('—');
  });
});

describe('japaneseEraName', () => {
  it('names the era of the Tokyo date, for forms filled in by hand', () => {
    expect(japaneseEraName('2026-11-29T00:00:00Z')).toBe('令和');
    expect(japaneseEraName('2019-04-30T14:00:00Z')).toBe('平成');
    expect(japaneseEraName('nonsense')).toBe('');
  });
});
