// Checks of one contact against the others and the systems, which the schema cannot see:
// references to deleted records, a deputy who is the contact itself, and two contacts with the
// same escalation order for a system they share. Pure: the form and the importer pass in the
// live records.

/** What the rules need of another contact. */
export interface ContactRef {
  id: string;
  name: string;
  organization: string;
  systemIds: readonly string[];
  escalationOrder: number | null;
  deputyContactId: string | null;
}

/** What the rules need of a system. */
export interface SystemRef {
  id: string;
  name: string;
}

export type ContactRuleField = 'deputyContactId' | 'systemIds' | 'escalationOrder';

export interface ContactRuleIssue {
  /** The form field the message belongs to. */
  field: ContactRuleField;
  message: string;
}

export interface ContactRuleInput {
  /** The contact's own id; null while it is being created. */
  id: string | null;
  data: Pick<ContactRef, 'systemIds' | 'escalationOrder' | 'deputyContactId'>;
  /** Every live (not deleted) contact, the one being edited included or not. */
  contacts: readonly ContactRef[];
  /** Every live system. */
  systems: readonly SystemRef[];
}

/** 「ヘルプデスク（架空システムズ株式会社）」, or the name alone. */
export function contactDisplayName(contact: Pick<ContactRef, 'name' | 'organization'>): string {
  return contact.organization ? `${contact.name}（${contact.organization}）` : contact.name;
}

/**
 * A contact and its deputy (職務代行) stand in for each other, so they may share an order: the
 * deputy is called when the first cannot be reached (the demo's 佐藤・鈴木 are such a pair).
 */
function isDeputyPair(id: string | null, deputyId: string | null, other: ContactRef): boolean {
  return (
    (id !== null && other.deputyContactId === id) || (deputyId !== null && other.id === deputyId)
  );
}

function escalationIssue(input: ContactRuleInput): ContactRuleIssue | null {
  const { id, data, contacts, systems } = input;
  if (data.escalationOrder === null) return null;
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  for (const systemId of data.systemIds) {
    const name = systemName.get(systemId);
    if (name === undefined) continue; // a deleted system is reported on its own
    const clash = contacts.find(
      (other) =>
        other.id !== id &&
        other.escalationOrder === data.escalationOrder &&
        other.systemIds.includes(systemId) &&
        !isDeputyPair(id, data.deputyContactId, other),
    );
    if (clash)
      return {
        field: 'escalationOrder',
        message: `連絡順${data.escalationOrder}は、「${name}」の連絡先「${contactDisplayName(clash)}」と同じです。別の番号にしてください（職務代行の相手とは同じ番号にできます）`,
      };
  }
  return null;
}

/** Every problem of one contact against the live records; empty when it may be saved. */
export function checkContactRules(input: ContactRuleInput): ContactRuleIssue[] {
  const { id, data, contacts, systems } = input;
  const issues: ContactRuleIssue[] = [];
  const deputy = data.deputyContactId;
  if (deputy !== null && deputy === id)
    issues.push({
      field: 'deputyContactId',
      message: '職務代行に自分自身は選べません。別の人を選ぶか「なし」にしてください',
    });
  else if (deputy !== null && !contacts.some((c) => c.id === deputy))
    issues.push({
      field: 'deputyContactId',
      message: '職務代行に選んでいた連絡先は削除されています。別の人を選ぶか「なし」にしてください',
    });
  const liveSystems = new Set(systems.map((s) => s.id));
  const deleted = data.systemIds.filter((systemId) => !liveSystems.has(systemId)).length;
  if (deleted > 0)
    issues.push({
      field: 'systemIds',
      message: `担当するシステムのうち${deleted}件は削除されています。「（削除されたシステム）」のチェックを外してください`,
    });
  const clash = escalationIssue(input);
  if (clash) issues.push(clash);
  return issues;
}

/** Contacts whose deputy (職務代行) is `id`. */
export function contactsWithDeputy<C extends ContactRef>(contacts: readonly C[], id: string): C[] {
  return contacts.filter((c) => c.id !== id && c.deputyContactId === id);
}

/**
 * The contacts covering a system in the order to call them: escalation order (none last), a
 * contact before its own deputy at the same order, then by name.
 */
export function contactsToCall<C extends ContactRef>(
  contacts: readonly C[],
  systemId: string,
): C[] {
  const covering = contacts.filter((c) => c.systemIds.includes(systemId));
  const standsIn = (c: C) =>
    covering.some(
      (other) =>
        other.id !== c.id &&
        other.deputyContactId === c.id &&
        other.escalationOrder === c.escalationOrder,
    )
      ? 1
      : 0;
  return covering.sort(
    (a, b) =>
      (a.escalationOrder ?? Infinity) - (b.escalationOrder ?? Infinity) ||
      standsIn(a) - standsIn(b) ||
      a.name.localeCompare(b.name, 'ja'),
  );
}
