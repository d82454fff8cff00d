/**
 * Purging a person's name (PRODUCT.md decision 5: "The IT section can purge a person's name from
 * all records, e.g. a departed employee"). Pure: which strings of a record's data hold the name,
 * and the data with every occurrence replaced. The database side is src/db/namePurge.ts.
 */

/** What the name is replaced with, everywhere it stood. */
export const PURGED_NAME = '（削除）';

/** Shorter names would match inside ordinary words (「山」 in 「山田」 and 「山間部」). */
export const MIN_PURGE_NAME_LENGTH = 2;

const SPACES = /[\s\u3000]+/g;

/**
 * The pattern a typed name is found by: its characters in order with any spaces between them
 * (half- or full-width) or none, so 「山田花子」 also finds 「山田 花子」 and 「山田\u3000花子」.
 */
export function namePattern(name: string): RegExp {
  const chars = [...name.replace(SPACES, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(chars.join('[\\s\\u3000]*'), 'gu');
}

/** The reason a name cannot be purged, in Japanese, or null when it can. */
export function checkPurgeName(name: string): string | null {
  const compact = name.replace(SPACES, '');
  if (!compact) return '削除する氏名を入力してください。';
  if (compact.length < MIN_PURGE_NAME_LENGTH)
    return `氏名は${MIN_PURGE_NAME_LENGTH}文字以上で入力してください（1文字ではほかの言葉の一部まで消えてしまいます）。`;
  if (name.includes(PURGED_NAME)) return `「${PURGED_NAME}」は氏名として使えません。`;
  return null;
}

function replaceAll(text: string, pattern: RegExp): { text: string; hits: number } {
  let hits = 0;
  const out = text.replace(pattern, () => {
    hits += 1;
    return PURGED_NAME;
  });
  return { text: out, hits };
}

/**
 * `data` with every occurrence of the name (namePattern) replaced in every string, at any
 * depth, and how many were replaced. Keys are left as they are; arrays and objects are copied
 * only where something changed.
 */
export function purgeNameFromData<T>(data: T, name: string): { data: T; hits: number } {
  const pattern = namePattern(name);
  let hits = 0;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const replaced = replaceAll(value, pattern);
      hits += replaced.hits;
      return replaced.hits ? replaced.text : value;
    }
    if (Array.isArray(value)) {
      const items = value.map(walk);
      return items.some((item, i) => item !== value[i]) ? items : value;
    }
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).map(([key, item]) => [key, walk(item)] as const);
      const changed = entries.some(
        ([key, item]) => item !== (value as Record<string, unknown>)[key],
      );
      return changed ? Object.fromEntries(entries) : value;
    }
    return value;
  };
  return { data: walk(data) as T, hits };
}
