import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  businessHoursSchema,
  contactAvailabilityAt,
  describeAvailability,
  END_BEFORE_START_MESSAGE,
  formatBusinessHours,
  isOpenAt,
  nextChangeAt,
  OVERNIGHT_END_MESSAGE,
  parseBusinessHoursText,
  type BusinessHours,
} from '../../../src/domain/businessHours.ts';
import { closureDaySchema } from '../../../src/domain/closureDays.ts';
import {
  DEFAULT_CLOSURE_DAYS,
  holidayDataLastYear,
  holidayDataWarning,
  holidayName,
  isHolidayDataRunningOut,
  tokyoDateParts,
  type ClosureDay,
} from '../../../src/domain/holidays.ts';

// Instants are written in UTC ('Z'); the comments give the Tokyo wall clock (UTC+9).
const closures = DEFAULT_CLOSURE_DAYS;
const WEEKDAYS = [1, 2, 3, 4, 5];
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

function hours(ranges: BusinessHours['ranges'], closedOnHolidays = true): BusinessHours {
  return { ranges, closedOnHolidays };
}
const office = hours([{ days: WEEKDAYS, start: '08:30', end: '17:15', overnight: false }]);
const nightDesk = hours([{ days: WEEKDAYS, start: '22:00', end: '06:00', overnight: true }]);
const allDay = hours([{ days: ALL_DAYS, start: '00:00', end: '24:00', overnight: false }], false);

const openAt = (h: BusinessHours, iso: string, c: readonly ClosureDay[] = closures) =>
  isOpenAt(h, new Date(iso), c);

function issuesOf(value: unknown): Record<string, string> {
  const result = businessHoursSchema.safeParse(value);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('open intervals', () => {
  test('the closing minute is closed, the opening minute is open', () => {
    expect(openAt(office, '2026-11-30T23:29:00Z')).toBe(false); // Tue 08:29
    expect(openAt(office, '2026-11-30T23:30:00Z')).toBe(true); // Tue 08:30
    expect(openAt(office, '2026-12-01T08:14:00Z')).toBe(true); // Tue 17:14
    expect(openAt(office, '2026-12-01T08:14:59Z')).toBe(true); // Tue 17:14:59
    expect(openAt(office, '2026-12-01T08:15:00Z')).toBe(false); // Tue 17:15
  });

  test('days not listed stay closed', () => {
    expect(openAt(office, '2026-11-28T01:00:00Z')).toBe(false); // Sat 10:00
    expect(openAt(office, '2026-11-29T01:00:00Z')).toBe(false); // Sun 10:00
  });

  test('an overnight range runs into the next morning, and only from listed days', () => {
    expect(openAt(nightDesk, '2026-11-27T12:59:00Z')).toBe(false); // Fri 21:59
    expect(openAt(nightDesk, '2026-11-27T14:00:00Z')).toBe(true); // Fri 23:00
    expect(openAt(nightDesk, '2026-11-27T20:59:00Z')).toBe(true); // Sat 05:59
    expect(openAt(nightDesk, '2026-11-27T21:00:00Z')).toBe(false); // Sat 06:00
    expect(openAt(nightDesk, '2026-11-28T14:00:00Z')).toBe(false); // Sat 23:00
    expect(openAt(nightDesk, '2026-11-29T20:00:00Z')).toBe(false); // Mon 05:00 (Sun did not open)
  });

  test('24:00 closes at midnight and 0:00〜24:00 every day is always open', () => {
    const lateDesk = hours([{ days: [5], start: '18:00', end: '24:00', overnight: false }]);
    expect(openAt(lateDesk, '2026-11-27T14:59:00Z')).toBe(true); // Fri 23:59
    expect(openAt(lateDesk, '2026-11-27T15:00:00Z')).toBe(false); // Sat 00:00
    for (const iso of ['2026-11-27T15:00:00Z', '2026-12-31T03:00:00Z', '2027-01-01T00:00:00Z'])
      expect(openAt(allDay, iso)).toBe(true);
  });
});

describe('holidays and closure days', () => {
  test('成人の日 2026-01-12 closes a desk that closes on holidays, not one that does not', () => {
    expect(holidayName('2026-01-12')).toBe('成人の日');
    const at = '2026-01-12T01:00:00Z'; // Mon 10:00
    expect(openAt(office, at)).toBe(false);
    expect(openAt({ ...office, closedOnHolidays: false }, at)).toBe(true);
    expect(openAt(office, '2026-01-13T01:00:00Z')).toBe(true); // Tue 10:00
  });

  test('年末年始 12-29〜01-03 wraps the year end', () => {
    expect(holidayName('2026-12-28')).toBeNull();
    expect(holidayName('2026-12-29')).toBe('年末年始');
    expect(holidayName('2026-12-30')).toBe('年末年始');
    expect(holidayName('2027-01-01')).toBe('元日'); // the national holiday's name wins
    expect(holidayName('2027-01-03')).toBe('年末年始');
    expect(holidayName('2027-01-04')).toBeNull();
    expect(openAt(office, '2026-12-30T01:00:00Z')).toBe(false); // Wed 12-30 10:00
    expect(openAt(office, '2026-12-30T01:00:00Z', [])).toBe(true); // without the closure
    expect(openAt(office, '2026-12-28T01:00:00Z')).toBe(true); // Mon 12-28 10:00
  });

  test('a one-off closure day and a closure that does not wrap', () => {
    const own: ClosureDay[] = [
      { kind: 'date', date: '2026-12-02', name: '庁舎停電' },
      { kind: 'yearly', from: '08-13', to: '08-15', name: '夏季休庁' },
    ];
    expect(holidayName('2026-12-02', own)).toBe('庁舎停電');
    expect(holidayName('2026-08-14', own)).toBe('夏季休庁');
    expect(holidayName('2026-08-16', own)).toBeNull();
    expect(holidayName('2026-12-30', own)).toBeNull(); // the default list was replaced
    expect(openAt(office, '2026-12-02T01:00:00Z', own)).toBe(false);
  });

  test('an overnight range that started the evening before a holiday still runs', () => {
    const everyNight = hours([{ days: ALL_DAYS, start: '22:00', end: '06:00', overnight: true }]);
    expect(openAt(everyNight, '2026-01-11T20:00:00Z')).toBe(true); // 01-12 (成人の日) 05:00
    expect(openAt(everyNight, '2026-01-12T14:00:00Z')).toBe(false); // 01-12 23:00
    expect(openAt(everyNight, '2026-01-13T14:00:00Z')).toBe(true); // 01-13 23:00
  });

  test('closure day schema', () => {
    const ok = (v: unknown) => closureDaySchema.safeParse(v).success;
    expect(ok({ kind: 'yearly', from: '12-29', to: '01-03', name: '年末年始' })).toBe(true);
    expect(ok({ kind: 'yearly', from: '02-29', to: '02-29', name: 'うるう日' })).toBe(true);
    expect(ok({ kind: 'yearly', from: '02-30', to: '03-01', name: 'x' })).toBe(false);
    expect(ok({ kind: 'yearly', from: '12/29', to: '01-03', name: 'x' })).toBe(false);
    expect(ok({ kind: 'date', date: '2026-12-02', name: '' })).toBe(false);
    expect(ok({ kind: 'date', date: '2026-12-02', name: '停電', extra: 1 })).toBe(false);
  });

  test('the holiday data warning starts on 1 January (Tokyo) of its last year', () => {
    const last = holidayDataLastYear();
    expect(last).toBeGreaterThanOrEqual(2050);
    expect(holidayName(`${last}-01-01`)).toBe('元日');
    expect(holidayName(`${last + 1}-01-01`)).toBe('年末年始'); // only the closure: no data
    const before = new Date(`${last - 1}-12-31T14:59:59Z`); // ${last - 1}-12-31 23:59:59 Tokyo
    const from = new Date(`${last - 1}-12-31T15:00:00Z`); // ${last}-01-01 00:00 Tokyo
    expect(isHolidayDataRunningOut(new Date('2026-11-30T00:00:00Z'))).toBe(false);
    expect(isHolidayDataRunningOut(before)).toBe(false);
    expect(isHolidayDataRunningOut(from)).toBe(true);
    expect(isHolidayDataRunningOut(new Date(`${last + 3}-06-01T00:00:00Z`))).toBe(true);
    expect(holidayDataWarning(before)).toBeNull();
    expect(holidayDataWarning(from)).toContain(`${last}年まで`);
  });
});

// CI runs in UTC; staff PCs may be set to anything. None of it may move the Tokyo clock.
describe.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])(
  'on a PC set to %s',
  (zone) => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      // Assigning undefined would set the string 'undefined', a zone of its own.
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    test('the zone really is in effect (guards the tests below)', () => {
      const localHour = new Date('2026-11-30T23:30:00Z').getHours();
      const expected = { UTC: 23, 'America/Los_Angeles': 15, 'Asia/Tokyo': 8 }[zone] ?? 13;
      expect(localHour).toBe(expected);
    });

    test('Tokyo wall clock, weekday and openness follow Tokyo', () => {
      const at = new Date('2026-11-30T23:30:00Z'); // Tue 2026-12-01 08:30 Tokyo
      expect(tokyoDateParts(at)).toEqual({ ymd: '2026-12-01', weekday: 2, minutes: 8 * 60 + 30 });
      expect(isOpenAt(office, at, closures)).toBe(true);
      expect(isOpenAt(office, new Date('2026-11-30T23:29:00Z'), closures)).toBe(false);
      expect(openAt(office, '2026-01-12T01:00:00Z')).toBe(false); // holiday in Tokyo
      expect(describeAvailability(office, at, closures)).toBe('17:15まで');
    });
  },
);

describe('next change', () => {
  const at = (iso: string) => new Date(iso);

  test('open: until closing time today', () => {
    const now = at('2026-12-01T01:00:00Z'); // Tue 10:00
    expect(nextChangeAt(office, now, closures)?.toISOString()).toBe('2026-12-01T08:15:00.000Z');
    expect(describeAvailability(office, now, closures)).toBe('17:15まで');
  });

  test('closed on Friday evening: next opening on Monday', () => {
    const now = at('2026-11-27T09:00:00Z'); // Fri 18:00
    expect(nextChangeAt(office, now, closures)?.toISOString()).toBe('2026-11-29T23:30:00.000Z');
    expect(describeAvailability(office, now, closures)).toBe('次は 11月30日(月) 8:30から');
  });

  test('closed before opening today: the time alone', () => {
    const now = at('2026-11-30T22:00:00Z'); // Tue 07:00
    expect(describeAvailability(office, now, closures)).toBe('次は 8:30から');
  });

  test('skips 年末年始 and holidays', () => {
    const now = at('2026-12-28T09:00:00Z'); // Mon 12-28 18:00
    expect(describeAvailability(office, now, closures)).toBe('次は 1月4日(月) 8:30から');
    expect(describeAvailability(office, at('2026-01-09T09:00:00Z'), closures)).toBe(
      '次は 1月13日(火) 8:30から',
    ); // Fri before 成人の日
  });

  test('overnight and midnight closings say 翌 and 24:00', () => {
    expect(describeAvailability(nightDesk, at('2026-11-27T14:00:00Z'), closures)).toBe(
      '翌6:00まで',
    );
    const weekdaysAllDay = hours([
      { days: WEEKDAYS, start: '00:00', end: '24:00', overnight: false },
    ]);
    const friday = at('2026-11-27T01:00:00Z'); // Fri 10:00
    expect(nextChangeAt(weekdaysAllDay, friday, closures)?.toISOString()).toBe(
      '2026-11-27T15:00:00.000Z',
    );
    expect(describeAvailability(weekdaysAllDay, friday, closures)).toBe('24:00まで');
    // Mon 10:00: Tue-Fri join on at midnight, so the next change is Saturday 00:00, not Tuesday.
    expect(describeAvailability(weekdaysAllDay, at('2026-11-30T01:00:00Z'), closures)).toBe(
      '12月5日(土) 0:00まで',
    );
  });

  test('always open, or nothing within 8 days: no change', () => {
    expect(nextChangeAt(allDay, at('2026-12-01T01:00:00Z'), closures)).toBeNull();
    expect(describeAvailability(allDay, at('2026-12-01T01:00:00Z'), closures)).toBe('24時間受付');
    const wednesdays = hours([{ days: [3], start: '09:00', end: '12:00', overnight: false }]);
    const skipped: ClosureDay[] = [{ kind: 'date', date: '2026-12-09', name: '点検' }];
    const now = at('2026-12-02T04:00:00Z'); // Wed 12-02 13:00; next Wednesday is closed
    expect(nextChangeAt(wednesdays, now, skipped)).toBeNull();
    expect(describeAvailability(wednesdays, now, skipped)).toBe('この先1週間は受付がありません');
    expect(nextChangeAt(wednesdays, now, [])?.toISOString()).toBe('2026-12-09T00:00:00.000Z');
    expect(describeAvailability(null, now, [])).toBe('');
  });
});

describe('whom to call', () => {
  const desk = {
    phones: [
      { label: '代表', number: '03-1111-2222' },
      { label: '直通', number: '03-1111-3333' },
    ],
    afterHoursPhone: '090-0000-1111',
    businessHours: office,
  };
  const openInstant = new Date('2026-12-01T01:00:00Z'); // Tue 10:00
  const closedInstant = new Date('2026-12-01T10:00:00Z'); // Tue 19:00

  test('open: the first phone', () => {
    expect(contactAvailabilityAt(desk, openInstant, closures)).toEqual({
      state: 'open',
      label: '受付中',
      callNumber: { label: '代表', number: '03-1111-2222' },
      note: '',
    });
  });

  test('closed: the after-hours number, or none with a note', () => {
    expect(contactAvailabilityAt(desk, closedInstant, closures)).toEqual({
      state: 'closed',
      label: '時間外',
      callNumber: { label: '時間外', number: '090-0000-1111' },
      note: '',
    });
    expect(
      contactAvailabilityAt({ ...desk, afterHoursPhone: ' ' }, closedInstant, closures),
    ).toEqual({
      state: 'closed',
      label: '時間外',
      callNumber: null,
      note: '時間外の連絡先は登録されていません',
    });
  });

  test('a holiday counts as after hours', () => {
    const holiday = new Date('2026-01-12T01:00:00Z'); // 成人の日 10:00
    expect(contactAvailabilityAt(desk, holiday, closures).callNumber?.number).toBe('090-0000-1111');
  });

  test('unknown hours: the first phone, marked unknown', () => {
    expect(
      contactAvailabilityAt({ ...desk, businessHours: null }, closedInstant, closures),
    ).toEqual({
      state: 'unknown',
      label: '受付時間未登録',
      callNumber: { label: '代表', number: '03-1111-2222' },
      note: '',
    });
    expect(
      contactAvailabilityAt({ ...desk, phones: [], businessHours: null }, openInstant, closures),
    ).toMatchObject({ callNumber: null, note: '電話番号が登録されていません' });
  });
});

describe('schema', () => {
  const range = { days: WEEKDAYS, start: '08:30', end: '17:15', overnight: false };
  const withRange = (patch: object) => ({
    ranges: [{ ...range, ...patch }],
    closedOnHolidays: true,
  });

  test('accepts valid hours, 24:00 as an end and an overnight range', () => {
    expect(issuesOf(office)).toEqual({});
    expect(issuesOf(allDay)).toEqual({});
    expect(issuesOf(nightDesk)).toEqual({});
  });

  test('end before start, or equal, without 翌日まで', () => {
    expect(issuesOf(withRange({ start: '17:00', end: '09:00' }))).toEqual({
      'ranges.0.end': END_BEFORE_START_MESSAGE,
    });
    expect(issuesOf(withRange({ start: '09:00', end: '09:00' }))).toEqual({
      'ranges.0.end': END_BEFORE_START_MESSAGE,
    });
    expect(END_BEFORE_START_MESSAGE).toBe(
      '終了時刻が開始時刻より前です。夜をまたぐ場合は「翌日まで」にしてください',
    );
  });

  test('翌日まで with an end not before the start', () => {
    expect(issuesOf(withRange({ start: '09:00', end: '17:00', overnight: true }))).toEqual({
      'ranges.0.end': OVERNIGHT_END_MESSAGE,
    });
    expect(issuesOf(withRange({ start: '22:00', end: '24:00', overnight: true }))).toEqual({
      'ranges.0.end': OVERNIGHT_END_MESSAGE,
    });
  });

  test('days: at least one, no repeats, 0 to 6', () => {
    expect(issuesOf(withRange({ days: [] }))).toEqual({ 'ranges.0.days': '曜日を選んでください' });
    expect(issuesOf(withRange({ days: [1, 1] }))).toEqual({
      'ranges.0.days': '同じ曜日が重なっています',
    });
    expect(Object.keys(issuesOf(withRange({ days: [7] })))).toEqual(['ranges.0.days.0']);
  });

  test('times in 09:00 form only', () => {
    const message = '時刻は「09:00」の形で入力してください';
    expect(issuesOf(withRange({ start: '9:00' }))).toEqual({ 'ranges.0.start': message });
    expect(issuesOf(withRange({ start: '24:00', end: '24:00' }))).toEqual({
      'ranges.0.start': message,
    });
    expect(issuesOf(withRange({ end: '17:60' }))).toEqual({ 'ranges.0.end': message });
    expect(issuesOf(withRange({ end: '24:30' }))).toEqual({ 'ranges.0.end': message });
  });

  test('between 1 and 14 ranges, no unknown keys', () => {
    expect(Object.keys(issuesOf({ ranges: [], closedOnHolidays: true }))).toEqual(['ranges']);
    const fifteen = Array.from({ length: 15 }, () => range);
    expect(Object.keys(issuesOf({ ranges: fifteen, closedOnHolidays: true }))).toEqual(['ranges']);
    expect(
      issuesOf({ ranges: Array.from({ length: 14 }, () => range), closedOnHolidays: true }),
    ).toEqual({});
    expect(businessHoursSchema.safeParse({ ...office, holidays: true }).success).toBe(false);
  });
});

describe('text form', () => {
  test('formats in natural Japanese', () => {
    expect(formatBusinessHours(office)).toBe('月〜金 8:30〜17:15（祝日・閉庁日は休み）');
    expect(formatBusinessHours(allDay)).toBe('24時間（毎日）');
    expect(formatBusinessHours({ ...nightDesk, closedOnHolidays: false })).toBe(
      '月〜金 22:00〜翌6:00（祝日も受付）',
    );
    expect(
      formatBusinessHours(
        hours([
          { days: [1, 3, 5], start: '09:00', end: '12:00', overnight: false },
          { days: [0, 6], start: '10:00', end: '15:00', overnight: false },
          { days: [5, 6, 0], start: '18:00', end: '24:00', overnight: false },
        ]),
      ),
    ).toBe(
      '月・水・金 9:00〜12:00、土・日 10:00〜15:00、金〜日 18:00〜24:00（祝日・閉庁日は休み）',
    );
    expect(formatBusinessHours(null)).toBe('受付時間未登録');
  });

  test.each<[string, BusinessHours | null]>([
    ['平日 8:30-17:15', office],
    [
      '月-金 9:00～18:00',
      hours([{ days: WEEKDAYS, start: '09:00', end: '18:00', overnight: false }]),
    ],
    ['月〜金 8:30〜17:15（祝日休み）', office],
    ['月曜日～金曜日　８：３０－１７：１５', office],
    ['平日 8時半から17時15分まで', office],
    [
      '毎日 22:00-翌6:00',
      hours([{ days: ALL_DAYS, start: '22:00', end: '06:00', overnight: true }], false),
    ],
    [
      '毎日 22:00-6:00',
      hours([{ days: ALL_DAYS, start: '22:00', end: '06:00', overnight: true }], false),
    ],
    ['24時間', allDay],
    ['２４時間３６５日', allDay],
    [
      '土日祝 9:00-12:00',
      hours([{ days: [0, 6], start: '09:00', end: '12:00', overnight: false }], false),
    ],
    [
      '月〜金 8:30〜17:15、土 9:00〜12:00 / 日 13:00-15:00\n水 18:00-20:00',
      hours([
        { days: WEEKDAYS, start: '08:30', end: '17:15', overnight: false },
        { days: [6], start: '09:00', end: '12:00', overnight: false },
        { days: [0], start: '13:00', end: '15:00', overnight: false },
        { days: [3], start: '18:00', end: '20:00', overnight: false },
      ]),
    ],
    [
      '月、水 9:00-12:00',
      hours([{ days: [1, 3], start: '09:00', end: '12:00', overnight: false }]),
    ],
    [
      '月〜金 9:00-17:00 土日祝休み',
      hours([{ days: WEEKDAYS, start: '09:00', end: '17:00', overnight: false }]),
    ],
    [
      '月〜金 9:00-17:00（祝日も受付）',
      hours([{ days: WEEKDAYS, start: '09:00', end: '17:00', overnight: false }], false),
    ],
    [
      '金-月 10:00-15:00',
      hours([{ days: [0, 1, 5, 6], start: '10:00', end: '15:00', overnight: false }]),
    ],
    ['', null],
    ['  ', null],
    ['受付時間未登録', null],
  ])('parses %j', (text, expected) => {
    expect(parseBusinessHoursText(text)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['いつでも', '「いつでも」'],
    ['9:00-17:00', '曜日を書いてください'],
    ['月〜金 9:00-17:00\n随時', '「月〜金 9:00-17:00 / 随時」を読み取れません。「随時」の部分を'],
    ['月〜金 9:00', '「月〜金 9:00」を読み取れません。「月〜金 8:30〜17:15」のように'],
    ['月〜金 8:30〜17:15、要相談', '「要相談」の部分を'],
    ['土日', '曜日に続けて時刻を書いてください'],
    ['月〜金 17:00-9:00 翌日', '「月〜金 17:00-9:00 翌日」'],
    ['月〜金 9:00-25:00', '時刻は「09:00」の形で入力してください'],
    ['月〜金 8:30〜17:15（昼休みあり）', '「月〜金 8:30〜17:15（昼休みあり）」'],
    ['土日祝 9:00-12:00（祝日休み）', '食い違って'],
    ['月〜金 (8:30〜17:15', '括弧'],
  ])('refuses %j, quoting it', (text, fragment) => {
    const result = parseBusinessHoursText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^受付時間「.+」を読み取れません。/);
      expect(result.message).toContain(fragment);
    }
  });

  test.each<BusinessHours | null>([
    office,
    allDay,
    nightDesk,
    { ...nightDesk, closedOnHolidays: false },
    { ...allDay, closedOnHolidays: true },
    hours([{ days: WEEKDAYS, start: '00:00', end: '24:00', overnight: false }], false),
    hours([{ days: ALL_DAYS, start: '09:00', end: '17:00', overnight: false }], true),
    hours([
      { days: [1, 3, 5], start: '09:00', end: '12:00', overnight: false },
      { days: [0, 6], start: '10:05', end: '15:55', overnight: false },
      { days: [2, 4], start: '23:30', end: '00:30', overnight: true },
    ]),
    null,
  ])('round-trips %#', (value) => {
    expect(parseBusinessHoursText(formatBusinessHours(value))).toEqual({ ok: true, value });
  });
});
