import type { RecordOf } from './recordSchemas.ts';
import { normalizeForSearch } from './textSearch.ts';
import type { ContinuityPriority } from './system.ts';

/** How a name compares for duplicates: 「住民記録システム」「住民記録ｼｽﾃﾑ 」 are the same name. */
function nameKey(name: string): string {
  return normalizeForSearch(name).replace(/\s+/g, '');
}

/** Another live system with the same name (ignoring width, case and spaces), or undefined. */
export function findSameNameSystem(
  systems: readonly RecordOf<'system'>[],
  name: string,
  ownId: string | null,
): RecordOf<'system'> | undefined {
  const key = nameKey(name);
  if (!key) return undefined;
  return systems.find((s) => !s.deleted && s.id !== ownId && nameKey(s.name) === key);
}

const priorityRank: Record<ContinuityPriority, number> = { highest: 0, high: 1, normal: 2 };

/** 非常時優先業務 first, then by name: the order of the outage screen and the register. */
export function compareSystemsByPriority(a: RecordOf<'system'>, b: RecordOf<'system'>): number {
  return (
    priorityRank[a.continuityPriority] - priorityRank[b.continuityPriority] ||
    a.name.localeCompare(b.name, 'ja')
  );
}
