import type { z } from './zodLocale.ts';
import { z as zod } from './zodLocale.ts';
import { recordMetaSchema } from './recordMeta.ts';
import { compareRecordVersions, type UpgradeStep } from './recordVersion.ts';
import { deepLoose } from './deepLoose.ts';

type Shape = z.core.$ZodLooseShape;
type Check<T> = (value: T, ctx: z.RefinementCtx<T>) => void;

interface RecordTypeOptions<T> {
  /** The current `<major>.<minor>` of this type; see src/domain/recordVersion.ts. */
  version: string;
  /** Steps from older versions, oldest first. A minor bump that only adds optional fields needs none. */
  upgrades?: readonly UpgradeStep[];
  /** Rules across fields, run after the shape checks. */
  check?: Check<T>;
}

/**
 * Builds the schemas of a record type from one shape: `data` (what forms edit and revision
 * hashes cover), `record` (data plus sync metadata, what storage and bundles hold) and `looseData`
 * (data that may carry fields of a newer minor version, at any depth, which are kept, not
 * refused).
 * `data` and `record` are strict, so unknown fields of the current version are refused.
 */
export function defineRecordType<S extends Shape>(
  shape: S,
  options: RecordTypeOptions<z.infer<z.ZodObject<S, z.core.$strict>>>,
) {
  const { version, upgrades = [], check } = options;
  for (const step of upgrades)
    if (compareRecordVersions(step.to, version) > 0)
      throw new Error(`upgrade step ${step.name} goes beyond version ${version}`);
  const refine = <Z extends z.ZodType>(schema: Z): Z =>
    check ? (schema.superRefine(check as never) as unknown as Z) : schema;
  return {
    shape,
    version,
    upgrades,
    data: refine(zod.strictObject(shape)),
    // Loose at every depth: a newer minor version may add a field inside a list entry too
    // (incident 1.2 `attachments[].originalSize`, 1.3 `contactsMade[].by`).
    looseData: refine(deepLoose(zod.looseObject(shape))),
    record: refine(zod.strictObject({ ...recordMetaSchema.shape, ...shape })),
  };
}
