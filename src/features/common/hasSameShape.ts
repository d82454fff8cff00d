type Kind = 'undefined' | 'null' | 'primitive' | 'array' | 'blob' | 'object' | 'other';

function kindOf(value: unknown): Kind {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value !== 'object') return 'primitive';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Blob) return 'blob';
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null ? 'object' : 'other';
}

/**
 * Whether `value` is built like `template`: each key of a template object is present with a
 * value of the same kind (string, number and boolean must match; null may stand for any of them
 * and they for null, as nullable fields change both ways), Blobs are Blobs, arrays are arrays
 * whose items are built like the template's first item when it has one. Extra keys are allowed,
 * so a map such as `newBlobs: {}` accepts entries.
 *
 * Meant for drafts read back from storage, whose template is the form's initial values; it
 * catches drafts of an older form or a damaged row, not values a schema would refuse.
 */
export function hasSameShape<T>(value: unknown, template: T): value is T {
  const expected = kindOf(template);
  const actual = kindOf(value);
  switch (expected) {
    case 'undefined':
      return true;
    case 'null':
      return actual === 'null' || actual === 'primitive';
    case 'primitive':
      return actual === 'null' || typeof value === typeof template;
    case 'blob':
      return actual === 'blob';
    case 'array': {
      if (actual !== 'array') return false;
      const items = template as unknown[];
      return items.length === 0 || (value as unknown[]).every((v) => hasSameShape(v, items[0]));
    }
    case 'object': {
      if (actual !== 'object') return false;
      const record = value as Record<string, unknown>;
      return Object.entries(template as Record<string, unknown>).every(
        ([key, inner]) =>
          inner === undefined || (Object.hasOwn(record, key) && hasSameShape(record[key], inner)),
      );
    }
    case 'other':
      return (
        actual === 'other' &&
        Object.getPrototypeOf(value) === Object.getPrototypeOf(template as object)
      );
  }
}
