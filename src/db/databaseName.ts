import { DATABASE_NAME } from './database.ts';

/**
 * The name every build before per-path databases used, whatever folder it was served from: two
 * copies on one host (a test copy, `sonae.old`) shared it. Kept so the data can be carried over
 * (src/db/carryOver.ts) and because tests open it by this name.
 */
export const LEGACY_DATABASE_NAME = DATABASE_NAME;

/**
 * DO NOT RENAME (a settings key in IndexedDB): in a folder's database, what became of the legacy
 * data on its first open (src/db/carryOver.ts); once set, the carry-over never runs again.
 */
export const CARRY_OVER_KEY = 'carryOver';

// DO NOT CHANGE: the prefix and the normalisation below decide which IndexedDB a deployed copy
// opens. A change would make every station look empty after an update.
const PATH_DATABASE_PREFIX = `${DATABASE_NAME}:`;

/**
 * The app's folder as one spelling: lower case, `index.html` dropped, duplicate slashes folded,
 * one trailing slash. `/Sonae/index.html`, `/sonae` and `/sonae/` are the same copy of the app
 * and must never get two databases (PRODUCT.md, "One database per deployment path").
 */
export function normaliseBasePath(pathname: string): string {
  let path = pathname.toLowerCase().replace(/\/{2,}/g, '/');
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.endsWith('/index.html')) path = path.slice(0, -'index.html'.length);
  return path.endsWith('/') ? path : `${path}/`;
}

/** The IndexedDB name for the copy of the app served at `pathname`, e.g. `sonae:/city/sonae/`. */
export function databaseNameForPath(pathname: string): string {
  return `${PATH_DATABASE_PREFIX}${normaliseBasePath(pathname)}`;
}

/** The folder a per-path database belongs to, or null for the legacy name or another name. */
export function basePathOfDatabase(name: string): string | null {
  return name.startsWith(PATH_DATABASE_PREFIX) ? name.slice(PATH_DATABASE_PREFIX.length) : null;
}
