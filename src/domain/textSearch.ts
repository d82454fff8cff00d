// Search folding, apart from the schema helpers of text.ts so that screens can use it without zod.

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
