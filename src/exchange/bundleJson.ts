import type { BundleError, ForeignFileType } from './bundleErrors.ts';

/**
 * Bytes → a JSON value that is safe to canonicalise and sign (RFC 8785 requires I-JSON):
 * size checked before decoding, UTF-8 only (a BOM is accepted and dropped), nesting at most
 * MAX_JSON_DEPTH deep, no duplicate member names, no prototype-polluting names, only safe
 * integers, only well-formed Unicode.
 */
export type JsonResult = { ok: true; value: unknown } | { ok: false; error: BundleError };

const MAGIC: [ForeignFileType, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
];

/** What a file that is not JSON looks like, from its first bytes. */
export function detectForeignFile(bytes: Uint8Array): ForeignFileType | null {
  const found = MAGIC.find(([, magic]) => magic.every((byte, i) => bytes[i] === byte));
  return found ? found[0] : null;
}

/**
 * Deepest nesting of objects and arrays a bundle may have (the envelope is depth 1). Sonae's own
 * bundles reach 8. The limit exists because canonicalisation, the schema check and the rev rule
 * all recurse: a 40 KB file of 20,000 nested arrays overflowed the stack (issue #12, item 13).
 * Raising it is safe up to a few thousand; keep it far below the smallest browser stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Names that would reach Object.prototype if any code ever merged this object naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

interface TextScan {
  duplicateKey: string | null;
  /** The text stops inside a string or an open object/array (a truncated copy). */
  open: boolean;
  /** Objects/arrays nest deeper than the `maxDepth` asked for (the scan stopped there). */
  tooDeep: boolean;
}

/**
 * Scans JSON text without recursion for what JSON.parse hides or cannot bound: nesting deeper
 * than `maxDepth`, a repeated member name (JSON.parse silently keeps the last, so a file could
 * say two things at once) and, for text that fails to parse, whether it simply stops inside a
 * string or an open object/array. Member names are only decoded when `checkKeys`, i.e. once
 * JSON.parse has accepted the text.
 */
function scanJsonText(text: string, checkKeys: boolean, maxDepth = Infinity): TextScan {
  const stack: (Set<string> | null)[] = [];
  const result = (found: Partial<TextScan>): TextScan => ({
    duplicateKey: null,
    open: false,
    tooDeep: false,
    ...found,
  });
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7b || code === 0x5b) {
      stack.push(code === 0x7b && checkKeys ? new Set() : null);
      if (stack.length > maxDepth) return result({ tooDeep: true });
    } else if (code === 0x7d || code === 0x5d) stack.pop();
    else if (code === 0x22) {
      // Find the closing quote: one not preceded by an odd number of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return result({ open: true });
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      const members = stack[stack.length - 1];
      if (members && checkKeys) {
        let next = end + 1;
        while (isWhitespace(text.charCodeAt(next))) next++;
        if (text.charCodeAt(next) === 0x3a) {
          const raw = text.slice(i + 1, end);
          const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
          if (members.has(key)) return result({ duplicateKey: key });
          members.add(key);
        }
      }
      i = end;
    }
  }
  return result({ open: stack.length > 0 });
}

/** What one pass over a parsed value found (see inspectValue). */
interface ValueScan {
  /** Nesting deeper than MAX_JSON_DEPTH somewhere (the walk stops descending there). */
  tooDeep: boolean;
  /** Something findUnsafeValue would name: an unsafe number, a lone surrogate, a forbidden key. */
  unsafe: boolean;
  /** Object members in the value. */
  members: number;
  /** ':' characters inside its strings and member names. */
  colonsInText: number;
}

const SURROGATE = /[\uD800-\uDFFF]/;

function hasLoneSurrogate(text: string): boolean {
  // The cheap test first: almost no text holds a surrogate at all.
  return SURROGATE.test(text) && LONE_SURROGATE.test(text);
}

function countColons(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) count++;
  return count;
}

/**
 * One iterative pass over a parsed value, allocating nothing per node: depth, the I-JSON rules
 * (without the path: findUnsafeValue finds that only when something is wrong) and the counts
 * hasDuplicateMember needs. This replaced a per-node walk and a second scan of the text with a
 * Set per object, which together took longer than JSON.parse on a 10,000-record file.
 */
function inspectValue(root: unknown): ValueScan {
  const scan: ValueScan = { tooDeep: false, unsafe: false, members: 0, colonsInText: 0 };
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value)) scan.unsafe = true;
      if (value.includes(':')) scan.colonsInText += countColons(value);
    } else if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) scan.unsafe = true;
    } else if (value !== null && typeof value === 'object') {
      if (depth + 1 > MAX_JSON_DEPTH) {
        scan.tooDeep = true;
        continue;
      }
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          values.push(value[i]);
          depths.push(depth + 1);
        }
      } else {
        const keys = Object.keys(value);
        scan.members += keys.length;
        for (const key of keys) {
          if (FORBIDDEN_KEYS.has(key) || hasLoneSurrogate(key)) scan.unsafe = true;
          if (key.includes(':')) scan.colonsInText += countColons(key);
          values.push((value as Record<string, unknown>)[key]);
          depths.push(depth + 1);
        }
      }
    }
  }
  return scan;
}

/**
 * True when the text repeats a member name somewhere. JSON.parse keeps one member per name, so
 * a repeated name means the text has more members than the value. Outside strings a ':' only
 * ever separates a member name from its value, so the text's members are its ':' characters
 * less those inside strings, which are the value's own (escaped ones, `\u003a`, go to the exact
 * scan). Without a repeat the two counts are equal; with one the text has at least one more.
 */
function hasDuplicateMember(text: string, scan: ValueScan): boolean | null {
  if (/\\u003a/i.test(text)) return null;
  return countColons(text) - scan.colonsInText !== scan.members;
}

/** Walks the parsed value without recursion and names the first I-JSON problem with its path. */
function findUnsafeValue(root: unknown): BundleError | null {
  type Item = { value: unknown; key: string | number; parent: Item | null };
  const pathOf = (item: Item): string => {
    let path = '';
    for (let at: Item | null = item; at?.parent; at = at.parent)
      path = typeof at.key === 'number' ? `[${at.key}]${path}` : `.${at.key}${path}`;
    return path.replace(/^\./, '');
  };
  const stack: Item[] = [{ value: root, key: '', parent: null }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const { value } = item;
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) return { kind: 'unsafeNumber', path: pathOf(item) };
    } else if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return { kind: 'invalidText', path: pathOf(item) };
    } else if (Array.isArray(value)) {
      value.forEach((child, index) => stack.push({ value: child, key: index, parent: item }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        // JSON.parse makes "__proto__" an own property, so Object.entries does see it.
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbiddenKey', key, path: pathOf(item) };
        if (LONE_SURROGATE.test(key)) return { kind: 'invalidText', path: pathOf(item) };
        stack.push({ value: child, key, parent: item });
      }
    }
  }
  return null;
}

/** Decodes and checks the bytes of a bundle file up to a plain JSON value. */
export function decodeBundleJson(bytes: Uint8Array, maxBytes: number): JsonResult {
  // The size is checked first, before any copy or decode of a possibly huge file.
  if (bytes.length > maxBytes)
    return { ok: false, error: { kind: 'tooLarge', size: bytes.length, limit: maxBytes } };
  const looksLike = detectForeignFile(bytes);
  if (looksLike) return { ok: false, error: { kind: 'foreignFile', looksLike } };
  let text: string;
  try {
    // fatal: refuse invalid UTF-8 rather than let U+FFFD change the content; the BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { kind: 'notUtf8' } };
  }
  if (text.trim() === '') return { ok: false, error: { kind: 'empty' } };
  let value: unknown;
  try {
    // JSON.parse is not recursive in Chromium or Firefox; a RangeError lands here all the same.
    value = JSON.parse(text);
  } catch {
    // Depth first, so a deep file is named as such even when it is also cut off.
    const shape = scanJsonText(text, false, MAX_JSON_DEPTH);
    if (shape.tooDeep) return { ok: false, error: { kind: 'tooDeep', limit: MAX_JSON_DEPTH } };
    const truncated = /^\s*[{[]/.test(text) && shape.open;
    return { ok: false, error: { kind: truncated ? 'truncated' : 'notJson' } };
  }
  // Depth before anything that recurses (canonicalisation, the schema check, the rev rule).
  const scan = inspectValue(value);
  if (scan.tooDeep) return { ok: false, error: { kind: 'tooDeep', limit: MAX_JSON_DEPTH } };
  if (scan.unsafe) {
    const unsafe = findUnsafeValue(value);
    if (unsafe) return { ok: false, error: unsafe };
  }
  if (hasDuplicateMember(text, scan) !== false) {
    const { duplicateKey } = scanJsonText(text, true);
    if (duplicateKey !== null)
      return { ok: false, error: { kind: 'duplicateKey', key: duplicateKey } };
  }
  return { ok: true, value };
}
