// What the 緊急連絡先一覧 (MIC ICT-BCP guideline 様式9) prints: every contact, grouped by its kind
// (区分), with 所属・名称, 担当者, both numbers, hours, contract number and notes. Pure (no DOM, no
// storage), so the app's 印刷 and a later `npm run print` print the same thing.

import { contactKindLabels, type ContactData, type ContactKind } from '../domain/contact.ts';
import { contactsToCall } from '../domain/contactRules.ts';
import { formatJapaneseDateTime } from '../domain/japaneseDate.ts';
import type { DocumentFact } from './DocumentHeader.tsx';
import { toContactPrintRow, type ContactPrintRow, type PrintableContact } from './kitContent.ts';

/**
 * The order of the groups: the municipality's own people first (様式9 starts with the ICT
 * section and the staff who stand in), then the outside desks, which are called through them.
 */
export const contactListKindOrder: readonly ContactKind[] = [
  'itSection',
  'internal',
  'vendor',
  'other',
];

/** One contact as a row of the 様式9 list. */
export interface ContactListRow extends ContactPrintRow {
  /** 所属・名称: organisation and department. */
  affiliation: string;
  /** 担当者: the person or desk, with the role. */
  person: string;
  email: string;
  /** Names of the systems it covers (empty when the list is for one system). */
  systems: string[];
}

/** The systems a contact covers by name; one word for all of them (the IT section's people). */
function systemsText(ids: readonly string[], names: ReadonlyMap<string, string>): string[] {
  if (names.size > 1 && [...names.keys()].every((id) => ids.includes(id)))
    return ['すべてのシステム'];
  return ids.flatMap((id) => {
    const name = names.get(id);
    return name ? [name] : [];
  });
}

/** One 区分 of the list. */
export interface ContactListGroup {
  kind: ContactKind;
  label: string;
  rows: ContactListRow[];
}

type ListableContact = PrintableContact & Pick<ContactData, 'kind' | 'email'>;

/** Organisation (nameless last), then escalation order (none last), then name. */
function compareForList(a: ListableContact, b: ListableContact): number {
  const orgA = a.organization.trim();
  const orgB = b.organization.trim();
  if (orgA !== orgB) return orgA === '' ? 1 : orgB === '' ? -1 : orgA.localeCompare(orgB, 'ja');
  return (
    (a.escalationOrder ?? Infinity) - (b.escalationOrder ?? Infinity) ||
    a.name.localeCompare(b.name, 'ja')
  );
}

/**
 * The list's groups, in `contactListKindOrder`, empty groups left out. With `systemId`, only the
 * contacts covering that system, in the order to call them; otherwise every contact.
 */
export function contactListGroups(
  contacts: readonly ListableContact[],
  systems: readonly { id: string; name: string }[],
  systemId: string | null = null,
): ContactListGroup[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const systemNames = new Map(systems.map((s) => [s.id, s.name]));
  const listed = systemId ? contactsToCall(contacts, systemId) : [...contacts].sort(compareForList);
  return contactListKindOrder
    .map((kind) => ({
      kind,
      label: contactKindLabels[kind],
      rows: listed
        .filter((c) => c.kind === kind)
        .map((c) => ({
          ...toContactPrintRow(c, byId),
          affiliation: [c.organization, c.department].filter((t) => t.trim()).join(' ') || '—',
          person: c.role.trim() ? `${c.name}（${c.role.trim()}）` : c.name,
          email: c.email.trim(),
          systems: systemId ? [] : systemsText(c.systemIds, systemNames),
        })),
    }))
    .filter((group) => group.rows.length > 0);
}

/**
 * 最終更新: the newest change among the records a list prints, so a sheet on the wall says how
 * old its numbers are.
 */
export function lastUpdatedFact(records: readonly { updatedAt: string }[]): DocumentFact {
  const newest = records.reduce<string | null>(
    (max, r) => (max === null || Date.parse(r.updatedAt) > Date.parse(max) ? r.updatedAt : max),
    null,
  );
  return { label: '最終更新', value: newest ? formatJapaneseDateTime(newest) : '—' };
}
