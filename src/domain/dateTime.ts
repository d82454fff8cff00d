import { z } from './zodLocale.ts';

/** An instant stored as ISO 8601 with offset (we write UTC 'Z'). */
export const instantSchema = z.iso.datetime({
  offset: true,
  error: '日時の形式が正しくありません',
});

/** A calendar date, YYYY-MM-DD. */
export const dateSchema = z.iso.date({ error: '日付の形式が正しくありません' });

export {
  nowIso,
  toLocalInputValue,
  fromLocalInputValue,
  formatDateTimeJa,
  formatDateTimeShort,
  formatDateJa,
  isInstantText,
} from './dateFormat.ts';
