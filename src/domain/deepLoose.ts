import type { z } from './zodLocale.ts';
import { z as zod } from './zodLocale.ts';

type AnyDef = { type: string } & Record<string, unknown>;
type Schema = z.ZodType;

/** Wrappers whose one inner schema is `innerType`. */
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'nonoptional',
  'readonly',
  'catch',
  'success',
]);

/**
 * `schema` with every object in it, at any depth, accepting and keeping members it does not
 * know: what a record of a newer minor version may carry (PRODUCT.md decision 2: a minor version
 * only adds optional fields, and an older reader keeps them through storage and re-export, so
 * the rev still matches). Only the objects' unknown-member rule changes: every other check
 * (lengths, patterns, refinements, array limits) stays, since each schema is cloned with its own
 * definition. Kinds it does not know are left as they are.
 */
export function deepLoose<T extends Schema>(schema: T): T {
  const def = schema._zod.def as unknown as AnyDef;
  const clone = (changes: Record<string, unknown>) =>
    schema.clone({ ...def, ...changes } as never) as T;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      return clone({
        shape: Object.fromEntries(
          Object.entries(shape).map(([key, value]) => [key, deepLoose(value)]),
        ),
        catchall: zod.unknown(),
      });
    }
    case 'array':
      return clone({ element: deepLoose(def.element as Schema) });
    case 'record':
      return clone({ valueType: deepLoose(def.valueType as Schema) });
    case 'union':
      return clone({ options: (def.options as Schema[]).map((option) => deepLoose(option)) });
    case 'pipe':
      return clone({ in: deepLoose(def.in as Schema), out: deepLoose(def.out as Schema) });
    default:
      return WRAPPERS.has(def.type)
        ? clone({ innerType: deepLoose(def.innerType as Schema) })
        : schema;
  }
}
