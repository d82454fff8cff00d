import { useLiveQuery } from 'dexie-react-hooks';
import { exchangeTables, type ImportRow } from './exchangeTables.ts';
import { getDatabase } from './instance.ts';

/** Live import history (取り込み履歴), newest first. */
export function useImportHistory(limit = 50): ImportRow[] | undefined {
  return useLiveQuery(
    () => exchangeTables(getDatabase()).imports.orderBy('seq').reverse().limit(limit).toArray(),
    [limit],
  );
}
