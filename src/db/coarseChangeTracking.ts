import { RangeSet, type DBCore, type Middleware } from 'dexie';

/**
 * Keys a write of a few rows may put in one multi-entry index before its change is noted as the
 * whole index. Sonae's own rows reach it only through the one-per-import rows (below).
 */
export const MANY_KEYS = 1000;

/**
 * Dexie notes what every write changes, for the live queries that must run again: for a bulk of
 * 50 rows or more it notes the whole table, but for fewer it notes each key of each index. One
 * import writes a few rows that hold a key per record it brought in a multi-entry index: its
 * audit entry (`*recordIds`, PRODUCT.md decision 9) and who signed each version (`*revs`). At
 * 50,000 incidents those 100,000 keys, noted one by one and then copied and broadcast to the
 * other tabs when the transaction commits, cost the page about 0.6 s, most of it one task of
 * 0.5 s right after the last record was written (`npm run bench:exchange`, Chromium's profile).
 * For a write whose rows hold more than MANY_KEYS keys in a multi-entry index, this notes that
 * whole index up front, so each key adds nothing: every query on the index runs again, as after
 * a bulk write. Dexie's own tracking, below this, still notes the rows' primary keys and other
 * indexes.
 */
export const coarseChangeTrackingMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'CoarseChangeTracking',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        const multiEntry = table.schema.indexes.filter((index) => index.multiEntry);
        if (multiEntry.length === 0) return table;
        return {
          ...table,
          mutate(req) {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            for (const index of multiEntry) {
              let keys = 0;
              for (const value of req.values) {
                const key: unknown = index.extractKey?.(value);
                keys += Array.isArray(key) ? key.length : 1;
              }
              if (keys <= MANY_KEYS) continue;
              const part = `idb://${down.schema.name}/${name}/${index.name ?? ''}`;
              const parts = (req.mutatedParts ??= {});
              parts[part] = new RangeSet(down.MIN_KEY, down.MAX_KEY);
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};
