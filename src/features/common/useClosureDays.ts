import { DEFAULT_CLOSURE_DAYS, type ClosureDay } from '../../domain/holidays.ts';

/**
 * The closure days (年末年始 etc.) that business hours honour besides national holidays.
 * PRODUCT.md decision 3 puts the IT section's list in sonae.config.json (owned by the operations
 * work); until that key exists every station uses the statutory default. The one seam to change.
 */
export function useClosureDays(): readonly ClosureDay[] {
  return DEFAULT_CLOSURE_DAYS;
}
