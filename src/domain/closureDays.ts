import { z } from './zodLocale.ts';
import { dateSchema } from './dateTime.ts';
import { requiredText } from './text.ts';
import { addDays } from './holidays.ts';

// The schema of closure days (年末年始 and the like), apart from holidays.ts so that the
// calendar itself needs no zod on the first screen (issue 9).

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** 02-29 is allowed (it happens in leap years); 02-30 and 04-31 are not. Zod runs this after a failed regex too. */
function isRealMonthDay(md: string): boolean {
  return MONTH_DAY.test(md) && addDays(`2024-${md}`, 0) === `2024-${md}`;
}

const monthDaySchema = z
  .string()
  .regex(MONTH_DAY, { error: '日付は「12-29」（月-日）の形で入力してください' })
  .refine(isRealMonthDay, { error: 'ない日付です' });

const closureNameSchema = requiredText('休みの名前', 50);

/**
 * A day the offices are closed besides national holidays: every year from `from` to `to`
 * (may wrap the year end, as 年末年始 12-29 → 01-03 does), or one date.
 */
export const closureDaySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('yearly'),
    from: monthDaySchema,
    to: monthDaySchema,
    name: closureNameSchema,
  }),
  z.strictObject({ kind: z.literal('date'), date: dateSchema, name: closureNameSchema }),
]);
export type ClosureDay = z.infer<typeof closureDaySchema>;
