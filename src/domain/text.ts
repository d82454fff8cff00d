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

const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70\u2500\u2501\u301c\uff5e~]/g;

/**
 * Folds text for search: NFKC (full-width ASCII and half-width kana become one form),
 * lower case, and every dash or long-vowel look-alike to '-', so 「ｴﾗｰ」「エラー」 and
 * 「ERR－１０２」「err-102」 match each other.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DASHES, '-');
}

/** True when every whitespace-separated term of the query occurs in the haystack. */
export function matchesAllTerms(normalizedHaystack: string, query: string): boolean {
  const terms = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  return terms.every((term) => normalizedHaystack.includes(term));
}
