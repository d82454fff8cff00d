import { useId } from 'react';
import { contactFieldLabels } from '../../domain/contact.ts';
import type { BusinessHoursRange } from '../../domain/businessHours.ts';
import { Field } from '../common/Field.tsx';
import type { FieldErrors } from '../common/fieldErrors.ts';
import {
  defaultRange,
  EVERY_DAY,
  normalizeTime,
  WEEKDAYS,
  type ContactFormValues,
} from './contactFormValues.ts';

type HoursValues = Pick<ContactFormValues, 'hoursMode' | 'ranges' | 'closedOnHolidays'>;
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
const DAY_NAMES = '日月火水木金土';
const MAX_RANGES = 14;

/** One range: weekdays, start, end and 「翌日まで」. */
function RangeEditor({
  range,
  index,
  errors,
  onChange,
  onRemove,
}: {
  range: BusinessHoursRange;
  index: number;
  errors: FieldErrors;
  onChange: (change: Partial<BusinessHoursRange>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const daysError = errors[`ranges.${index}.days`];
  const daysErrorId = useId();
  const toggle = (day: number) =>
    onChange({
      days: range.days.includes(day) ? range.days.filter((d) => d !== day) : [...range.days, day],
    });
  return (
    <fieldset className="hours-range">
      <legend>{`受付時間 ${n}`}</legend>
      <fieldset
        className="weekday-picker"
        aria-describedby={daysError ? daysErrorId : undefined}
        aria-invalid={daysError ? true : undefined}
      >
        <legend>曜日</legend>
        {DAY_ORDER.map((day) => (
          <label key={day} className="weekday">
            <input
              type="checkbox"
              checked={range.days.includes(day)}
              onChange={() => toggle(day)}
            />
            {DAY_NAMES[day]}
          </label>
        ))}
        <button type="button" className="small" onClick={() => onChange({ days: [...WEEKDAYS] })}>
          平日
        </button>
        <button type="button" className="small" onClick={() => onChange({ days: [...EVERY_DAY] })}>
          毎日
        </button>
        {daysError ? (
          <p className="error" id={daysErrorId} role="alert">
            {daysError}
          </p>
        ) : null}
      </fieldset>
      <div className="field-row">
        <Field label={`開始時刻 ${n}`} hint="例: 8:30" error={errors[`ranges.${index}.start`]}>
          <input
            className="narrow"
            inputMode="numeric"
            value={range.start}
            onChange={(e) => onChange({ start: e.target.value })}
            onBlur={(e) => onChange({ start: normalizeTime(e.target.value) })}
          />
        </Field>
        <Field
          label={`終了時刻 ${n}`}
          hint="例: 17:15（終日は 0:00〜24:00）"
          error={errors[`ranges.${index}.end`]}
        >
          <input
            className="narrow"
            inputMode="numeric"
            value={range.end}
            onChange={(e) => onChange({ end: e.target.value })}
            onBlur={(e) => onChange({ end: normalizeTime(e.target.value) })}
          />
        </Field>
        <div className="field checkbox-field">
          <label>
            <input
              type="checkbox"
              checked={range.overnight}
              onChange={(e) => onChange({ overnight: e.target.checked })}
            />
            翌日まで（夜間）
          </label>
          <p className="hint">22:00〜翌6:00 のように、夜をまたぐとき</p>
        </div>
      </div>
      <button type="button" className="link-button danger" onClick={onRemove}>
        {`受付時間 ${n} を削除`}
      </button>
    </fieldset>
  );
}

/** 受付時間: not registered, or weekday ranges (overnight allowed) and whether holidays close. */
export function BusinessHoursEditor({
  values,
  onChange,
  errors,
}: {
  values: HoursValues;
  onChange: (change: Partial<HoursValues>) => void;
  errors: FieldErrors;
}) {
  const name = useId();
  const { ranges } = values;
  const updateRange = (index: number, change: Partial<BusinessHoursRange>) =>
    onChange({ ranges: ranges.map((r, i) => (i === index ? { ...r, ...change } : r)) });
  return (
    <fieldset>
      <legend>{contactFieldLabels.businessHours}</legend>
      <label className="choice">
        <input
          type="radio"
          name={name}
          checked={values.hoursMode === 'none'}
          onChange={() => onChange({ hoursMode: 'none' })}
        />
        <span>登録しない（「受付時間未登録」と表示）</span>
      </label>
      <label className="choice">
        <input
          type="radio"
          name={name}
          checked={values.hoursMode === 'ranges'}
          onChange={() =>
            onChange({ hoursMode: 'ranges', ranges: ranges.length ? ranges : [defaultRange()] })
          }
        />
        <span>曜日と時刻で登録する</span>
      </label>
      {values.hoursMode === 'ranges' ? (
        <div className="hours-ranges">
          {errors.ranges ? (
            <p className="error" role="alert">
              {errors.ranges}
            </p>
          ) : null}
          {ranges.map((range, index) => (
            <RangeEditor
              // Rows have no id; controlled inputs make the index a safe key.
              key={index}
              range={range}
              index={index}
              errors={errors}
              onChange={(change) => updateRange(index, change)}
              onRemove={() => onChange({ ranges: ranges.filter((_, i) => i !== index) })}
            />
          ))}
          <button
            type="button"
            disabled={ranges.length >= MAX_RANGES}
            onClick={() => onChange({ ranges: [...ranges, defaultRange()] })}
          >
            受付時間を追加
          </button>
          <div className="field checkbox-field">
            <label>
              <input
                type="checkbox"
                checked={values.closedOnHolidays}
                onChange={(e) => onChange({ closedOnHolidays: e.target.checked })}
              />
              祝日・閉庁日は休み
            </label>
            <p className="hint">国民の祝日と、年末年始などの閉庁日は「時間外」になります。</p>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
