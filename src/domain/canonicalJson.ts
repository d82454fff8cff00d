import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON, fast. JCS serialises strings and numbers exactly as
 * ECMAScript's JSON.stringify does and sorts members by UTF-16 code units, so JSON.stringify
 * (native, about ten times faster than a serialiser written in JavaScript) gives the canonical
 * form once every object's members enumerate in sorted order. This walks the value once: it
 * checks what JCS refuses (non-finite numbers, lone surrogates) and returns the value itself
 * where members are already sorted (a canonical file as parsed), or a copy with sorted members.
 * Objects JSON.stringify would not serialise like JCS (array-index member names, which
 * JavaScript always enumerates first; objects with toJSON or another prototype) go to the
 * `canonicalize` package, the reference implementation, which the tests compare against.
 */
export function canonicalJson(value: unknown): string {
  const prepared = sortMembers(value);
  const text = prepared === FALLBACK ? canonicalize(value) : JSON.stringify(prepared);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

const FALLBACK = Symbol('fallback');
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A member name JavaScript enumerates before all others, whatever the insertion order. */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 0x30 || first > 0x39) return false;
  return /^(?:0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
}

function checkString(text: string): void {
  // The cheap test first: almost no text holds a surrogate at all.
  if (SURROGATE.test(text) && LONE_SURROGATE.test(text))
    throw new Error('Lone surrogate is not allowed');
}

/** The value with sorted members (itself when nothing needed sorting), or FALLBACK. */
function sortMembers(value: unknown): unknown {
  if (typeof value === 'string') {
    checkString(value);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('NaN and Infinity are not allowed');
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sorted = sortMembers(item);
      if (sorted === FALLBACK) return FALLBACK;
      if (sorted !== item) (copy ??= value.slice())[i] = sorted;
    }
    return copy ?? value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return FALLBACK;
  if ('toJSON' in value) return FALLBACK;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  let inOrder = true;
  // Children that had to be copied, by member name; allocated only when one is.
  let copied: Map<string, unknown> | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (isArrayIndex(key)) return FALLBACK;
    checkString(key);
    if (i > 0 && !(keys[i - 1]! < key)) inOrder = false;
    const child = object[key];
    const sorted = sortMembers(child);
    if (sorted === FALLBACK) return FALLBACK;
    if (sorted !== child) (copied ??= new Map()).set(key, sorted);
  }
  if (inOrder && !copied) return value;
  if (!inOrder) keys.sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    const child = copied?.has(key) ? copied.get(key) : object[key];
    // Assigning "__proto__" would set the copy's prototype; JSON.parse makes it a member.
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true });
    else copy[key] = child;
  }
  return copy;
}
