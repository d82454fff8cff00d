import { z } from './zodLocale.ts';

/** Longest values a field accepts; long enough for real notes, short enough to print. */
export const TEXT_LIMITS = { short: 100, title: 200, long: 4000 } as const;

/** A required single-line or multi-line text, trimmed, with Japanese messages naming the field. */
export function requiredText(label: string, max: number = TEXT_LIMITS.short) {
  return z
    .string()
    .trim()
    .min(1, { error: `${label}を入力してください` })
    .max(max, { error: `${label}は${max}文字以内で入力してください` });
}

/** An optional text; empty string means "not filled in". */
export function optionalText(label: string, max: number = TEXT_LIMITS.short) {
  return z
    .string()
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください` });
}

export { matchesAllTerms, normalizeForSearch } from './textSearch.ts';
