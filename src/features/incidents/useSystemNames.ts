import { useMemo } from 'react';
import { useLiveRecords } from '../../db/hooks.ts';

/** id → display name of every system, deleted ones marked, for lists and details. */
export function useSystemNames(): Map<string, string> {
  const systems = useLiveRecords('system', { includeDeleted: true });
  return useMemo(
    () => new Map((systems ?? []).map((s) => [s.id, s.deleted ? `${s.name}（削除済み）` : s.name])),
    [systems],
  );
}
