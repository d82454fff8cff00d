// What a print route reads from its query string. Pure, so the routes and the tests agree.

/** Blank incident sheets the outage kit prints when nobody asks (PRODUCT.md decision 11). */
export const DEFAULT_BLANK_SHEETS = 5;
/** The most blank sheets one printout holds: more is a job for the photocopier. */
export const MAX_BLANK_SHEETS = 20;

/**
 * `?sheets=N` as a count between `min` and 20: a missing or unreadable value gives the default
 * (5), an out-of-range one the nearest bound, so a mistyped link still prints something useful.
 */
export function parseSheetCount(search: URLSearchParams, min = 0): number {
  const raw = search.get('sheets');
  if (raw === null || !/^\s*-?\d+\s*$/.test(raw)) return Math.max(DEFAULT_BLANK_SHEETS, min);
  return Math.min(MAX_BLANK_SHEETS, Math.max(min, Number(raw)));
}

/** `?auto=0` (or `false`, `no`) keeps the print dialog closed: for tests and for a look first. */
export function isAutoPrint(search: URLSearchParams): boolean {
  const raw = search.get('auto');
  return raw === null || !/^(0|false|no|off)$/i.test(raw.trim());
}

/** The kit's route for one system; `procedureId` picks the procedure chosen on screen. */
export function outageKitPath(
  systemId: string,
  options: { procedureId?: string | undefined; sheets?: number } = {},
): string {
  const query = new URLSearchParams();
  if (options.procedureId) query.set('procedure', options.procedureId);
  if (options.sheets !== undefined) query.set('sheets', String(options.sheets));
  const text = query.toString();
  return `/print/outage-kit/${encodeURIComponent(systemId)}${text ? `?${text}` : ''}`;
}

/** The blank incident sheet's route. */
export function incidentSheetPath(sheets?: number): string {
  return sheets === undefined ? '/print/incident-sheet' : `/print/incident-sheet?sheets=${sheets}`;
}
