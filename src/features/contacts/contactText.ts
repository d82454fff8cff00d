import type { ContactData } from '../../domain/contact.ts';
import { normalizeForSearch } from '../../domain/textSearch.ts';
import { tokyoDateParts } from '../../domain/holidays.ts';

/** The folded text the contact search scans: the same normalisation as the incident search. */
export function contactSearchText(contact: ContactData): string {
  return normalizeForSearch(
    [
      contact.name,
      contact.organization,
      contact.department,
      contact.role,
      ...contact.phones.flatMap((p) => [p.label, p.number]),
      contact.afterHoursPhone,
      contact.extension,
      contact.notes,
      contact.contractNumber,
    ].join('\n'),
  );
}

/** `tel:` target of a number as staff type it: 「０３－１２３４－５６７８（代表）」 → tel:0312345678. */
export function telHref(number: string): string {
  return `tel:${number.normalize('NFKC').replace(/[^\d+*#]/g, '')}`;
}

/** 連絡先_20261129.csv: the Tokyo date, whatever the PC's zone. */
export function datedFileName(prefix: string, now: Date): string {
  return `${prefix}_${tokyoDateParts(now).ymd.replaceAll('-', '')}.csv`;
}
