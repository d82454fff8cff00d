// What the folding wallet card (携帯用緊急連絡先カード) holds: the few numbers a member of staff
// needs when nothing else is at hand — the IT section's people, and for each system the vendor
// desk to call first, each with the number after hours. Pure, like kitContent.ts.
//
// A card is 91 × 55 mm a side; what does not fit is counted, never silently cut, and the card
// says where the rest is (the 緊急連絡先一覧).

import type { ContactData } from '../domain/contact.ts';
import { contactsToCall } from '../domain/contactRules.ts';
import { continuityPriorities, type SystemData } from '../domain/system.ts';
import { isAlwaysOpen, toContactPrintRow, type PrintableContact } from './kitContent.ts';

/** At most this many IT-section people on the front, and vendor desks on the back. */
export const WALLET_CARD_LIMITS = { itSection: 3, vendors: 5 } as const;

/** One entry of the card. */
export interface WalletCardEntry {
  id: string;
  /** 「佐藤 一郎」, 「ヘルプデスク（架空システムズ株式会社）」. */
  name: string;
  /** The role (IT section) or the systems the desk is first for (vendors). */
  detail: string;
  /** Numbers within business hours, at most two: 「直通 0000-11-2345」. */
  numbers: string[];
  /** The number after hours (or 「（24時間受付）」「登録なし」); null when among `numbers`. */
  afterHours: string | null;
  contractNumber: string;
}

export interface WalletCardContent {
  itSection: WalletCardEntry[];
  vendors: WalletCardEntry[];
  /** How many did not fit, to say so on the card. */
  omitted: number;
}

type CardContact = PrintableContact & Pick<ContactData, 'kind'>;
type CardSystem = { id: string } & Pick<SystemData, 'name' | 'continuityPriority'>;

function entry(
  contact: CardContact,
  byId: ReadonlyMap<string, CardContact>,
  detail: string,
): WalletCardEntry {
  const row = toContactPrintRow(contact, byId);
  const contractNumber = contact.contractNumber.trim();
  const numbers = row.phones.slice(0, 2);
  // A desk open around the clock has no other number after hours: say 24時間 once.
  if (isAlwaysOpen(contact.businessHours)) {
    if (!numbers.some((n) => n.includes('24時間'))) numbers.push('24時間受付');
    return { id: contact.id, name: row.name, detail, numbers, afterHours: null, contractNumber };
  }
  // The after-hours number is often one of the phones (a 公用携帯): not twice.
  const isListed = numbers.some((n) => n.endsWith(` ${row.afterHours}`) || n === row.afterHours);
  return {
    id: contact.id,
    name: row.name,
    detail,
    numbers,
    afterHours: isListed ? null : row.afterHours,
    contractNumber,
  };
}

/**
 * 「住民記録・税務・財務会計システム」: names sharing the ending 「システム」 share it once, as one
 * would write them by hand, so a desk's systems fit on the card's line.
 */
export function joinSystemNames(names: readonly string[]): string {
  const suffix = 'システム';
  if (names.length < 2 || !names.every((n) => n.endsWith(suffix) && n.length > suffix.length))
    return names.join('・');
  return `${names.map((n) => n.slice(0, -suffix.length)).join('・')}${suffix}`;
}

/**
 * The card's entries: the IT section's people in escalation order; then, systems taken by
 * continuity priority (最優先 first) and name, the first vendor desk to call for each, one entry
 * per desk naming every system it is first for.
 */
export function walletCardContent(
  contacts: readonly CardContact[],
  systems: readonly CardSystem[],
  limits: { itSection: number; vendors: number } = WALLET_CARD_LIMITS,
): WalletCardContent {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const itSection = contacts
    .filter((c) => c.kind === 'itSection')
    .sort(
      (a, b) =>
        (a.escalationOrder ?? Infinity) - (b.escalationOrder ?? Infinity) ||
        a.name.localeCompare(b.name, 'ja'),
    );
  const bySystemPriority = [...systems].sort(
    (a, b) =>
      continuityPriorities.indexOf(a.continuityPriority) -
        continuityPriorities.indexOf(b.continuityPriority) || a.name.localeCompare(b.name, 'ja'),
  );
  const firstDesks = new Map<string, { contact: CardContact; systems: string[] }>();
  for (const system of bySystemPriority) {
    const first = contactsToCall(contacts, system.id).find((c) => c.kind === 'vendor');
    if (!first) continue;
    const desk = firstDesks.get(first.id) ?? { contact: first, systems: [] };
    desk.systems.push(system.name);
    firstDesks.set(first.id, desk);
  }
  const vendors = [...firstDesks.values()].map(({ contact, systems: names }) =>
    entry(contact, byId, joinSystemNames(names)),
  );
  return {
    itSection: itSection
      .slice(0, limits.itSection)
      .map((c) => entry(c, byId, c.role.trim() || c.department.trim())),
    vendors: vendors.slice(0, limits.vendors),
    omitted:
      Math.max(0, itSection.length - limits.itSection) +
      Math.max(0, vendors.length - limits.vendors),
  };
}
