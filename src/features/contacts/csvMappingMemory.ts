import {
  contactCsvColumns,
  suggestContactMapping,
  type ContactCsvField,
  type ContactCsvMapping,
} from '../../exchange/contactCsv.ts';
import { normalizeHeader } from '../../exchange/csv.ts';

// The column mapping a person chose last time for a file with the same header, so a monthly
// import of the same spreadsheet needs no clicks. localStorage, not IndexedDB: it is a
// convenience of this browser, not data to exchange or back up. DO NOT RENAME the prefix.
const PREFIX = 'sonae.contactCsvMapping:';
const fields = Object.keys(contactCsvColumns) as ContactCsvField[];

function keyOf(header: readonly string[]): string {
  return PREFIX + JSON.stringify(header.map(normalizeHeader));
}

function isMapping(value: unknown, columns: number): value is ContactCsvMapping {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return fields.every((field) => {
    const index = record[field];
    return (
      index === null ||
      (Number.isInteger(index) && (index as number) >= 0 && (index as number) < columns)
    );
  });
}

/** The remembered mapping for this header, else the guess from the column names. */
export function initialMapping(header: readonly string[]): {
  mapping: ContactCsvMapping;
  remembered: boolean;
} {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyOf(header)) ?? 'null');
    if (isMapping(stored, header.length)) {
      const mapping = Object.fromEntries(fields.map((f) => [f, stored[f]])) as ContactCsvMapping;
      return { mapping, remembered: true };
    }
  } catch {
    // Storage blocked or a damaged entry: fall back to the guess.
  }
  return { mapping: suggestContactMapping(header), remembered: false };
}

/** Remembers the mapping for files with this header; silently does nothing where storage is blocked. */
export function rememberMapping(header: readonly string[], mapping: ContactCsvMapping): void {
  try {
    localStorage.setItem(keyOf(header), JSON.stringify(mapping));
  } catch {
    // Private mode or full storage: remembering is only a convenience.
  }
}
