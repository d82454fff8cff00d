import type { z } from './zodLocale.ts';
import { z as zod } from './zodLocale.ts';
import { recordMetaSchema } from './recordMeta.ts';

type Shape = z.core.$ZodLooseShape;
type Check<T> = (value: T, ctx: z.RefinementCtx<T>) => void;

/**
 * Builds the two schemas of a record type from one shape: `data` (what forms edit and revision
 * hashes cover) and `record` (data plus sync metadata, what storage and bundles hold).
 * Both are strict, so unknown fields are refused rather than silently carried along.
 */
export function defineRecordType<S extends Shape>(
  shape: S,
  check?: Check<z.infer<z.ZodObject<S, z.core.$strict>>>,
) {
  const data = zod.strictObject(shape);
  const record = zod.strictObject({ ...recordMetaSchema.shape, ...shape });
  if (!check) return { data, record };
  return {
    data: data.superRefine(check as never),
    record: record.superRefine(check as never),
  };
}
