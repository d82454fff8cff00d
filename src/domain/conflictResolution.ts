import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { RecordType } from './recordTypes.ts';
import type { RecordFields } from './recordVersion.ts';
import { canonicalJson } from './revision.ts';

/**
 * Resolving a conflict without dropping work (issue 12, item 8). The competing versions of one
 * record are combined field by field: list-like fields (an incident's timeline, contacts made,
 * attempts and attachments; a procedure's steps, agreements and paper forms; a contact's phones;
 * a level's questions) are by default the UNION of every version's items, so an entry recorded on
 * only one PC survives; every other field that differs is chosen by the person, with all values
 * shown. Pure and deterministic: the same versions and choices give the same data on every PC,
 * so two stations that resolve alike reach the same rev.
 */

/** How the items of one list-like field are matched across versions. */
interface ListRule {
  /** Items are matched by this property; without one, by their whole content. */
  itemKey?: 'id';
  /** Items carrying this instant are ordered by it; otherwise each version's order is kept. */
  orderBy?: 'at';
  /**
   * An item id names something outside the list (an attachment's stored bytes), so two
   * differing items with one id cannot both be kept: the first version's item wins.
   */
  idIsReference?: boolean;
}

const listRules: Record<RecordType, Readonly<Record<string, ListRule>>> = {
  incident: {
    timeline: { itemKey: 'id', orderBy: 'at' },
    contactsMade: { itemKey: 'id', orderBy: 'at' },
    attempts: { itemKey: 'id' },
    attachments: { itemKey: 'id', idIsReference: true },
  },
  procedure: { steps: { itemKey: 'id' }, agreements: { itemKey: 'id' }, paperForms: {} },
  contact: { phones: {} },
  incidentLevel: { questions: { itemKey: 'id' } },
  system: {},
  drill: { timeline: { itemKey: 'id', orderBy: 'at' }, findings: { itemKey: 'id' } },
  followUp: {},
};

/** Which version's value a field takes, or the union of every version's items. */
export type FieldChoice = number | 'union';
export type FieldChoices = Readonly<Record<string, FieldChoice>>;

/** True when `key` of `type` is a list whose items are combined by default. */
export function isMergeableList(type: RecordType, key: string): boolean {
  return Object.hasOwn(listRules[type], key);
}

/** True when the versions hold different values for `key` (a missing value counts as one). */
export function isFieldDifferent(datas: readonly RecordFields[], key: string): boolean {
  return new Set(datas.map((d) => canonicalJson(d[key] ?? null))).size > 1;
}

/** Every field of every version, in the order first seen (winner's fields first). */
export function conflictFieldKeys(datas: readonly RecordFields[]): string[] {
  return [...new Set(datas.flatMap((d) => Object.keys(d)))];
}

/**
 * The default choice per field: the union for a differing list-like field, else the first
 * version (the winner) that has a value, so a field only one version carries is not dropped.
 */
export function defaultChoices(type: RecordType, datas: readonly RecordFields[]): FieldChoices {
  const choices: Record<string, FieldChoice> = {};
  for (const key of conflictFieldKeys(datas)) {
    if (isMergeableList(type, key) && isFieldDifferent(datas, key)) choices[key] = 'union';
    else choices[key] = Math.max(0, firstWithValue(datas, key));
  }
  return choices;
}

function firstWithValue(datas: readonly RecordFields[], key: string): number {
  return datas.findIndex((d) => d[key] !== undefined);
}

export interface ListMerge {
  items: unknown[];
  /**
   * Items edited differently on two PCs (same id, other content): both are kept, the later one
   * under an id derived from its content.
   */
  variants: number;
  /** Such items whose id names stored bytes (attachments): only the first version's is kept. */
  skipped: number;
}

/** The union of the `key` lists of every version, by the field's rule (see listRules). */
export function mergeListField(
  type: RecordType,
  key: string,
  datas: readonly RecordFields[],
): ListMerge {
  const rule = listRules[type][key] ?? {};
  const lists = datas
    .map((d) => d[key])
    .filter((value): value is unknown[] => Array.isArray(value));
  const identity = (item: unknown) =>
    rule.itemKey ? String((item as Record<string, unknown>)[rule.itemKey]) : canonicalJson(item);
  const seen = new Map<string, string>(); // identity → canonical content of the kept item
  const items: unknown[] = [];
  let variants = 0;
  let skipped = 0;
  for (const list of lists) {
    let previous = -1; // position in `items` of this list's last item, to insert after it
    for (const raw of list) {
      const id = identity(raw);
      const content = canonicalJson(raw);
      const known = seen.get(id);
      let item = raw;
      if (known !== undefined) {
        previous = items.findIndex((kept) => identity(kept) === id);
        if (known === content) continue;
        if (rule.idIsReference) {
          skipped += 1;
          continue;
        }
        variants += 1;
        // The same item edited differently on two PCs: keep this one too, beside the other.
        const variantId = variantItemId(id, content);
        if (seen.has(variantId)) {
          previous = items.findIndex((kept) => identity(kept) === variantId);
          continue;
        }
        item = { ...(raw as object), id: variantId };
        seen.set(variantId, content);
      } else {
        seen.set(id, content);
      }
      // Lists ordered by time are sorted below, so ties keep the order first seen (winner's);
      // other lists keep each version's order: a new item goes after its predecessor there.
      if (rule.orderBy) items.push(item);
      else items.splice((previous += 1), 0, item);
    }
  }
  return { items: rule.orderBy ? sortByInstant(items, rule.orderBy) : items, variants, skipped };
}

/**
 * `items` by their instant (ISO 8601 in UTC sorts as text), items at the same instant in the
 * order given: grouped, then the groups in order, so no comparator has to break ties.
 */
function sortByInstant(items: readonly unknown[], key: string): unknown[] {
  const groups = new Map<string, unknown[]>();
  for (const item of items) {
    const at = String((item as Record<string, unknown>)[key]);
    const group = groups.get(at);
    if (group) group.push(item);
    else groups.set(at, [item]);
  }
  return [...groups.keys()].sort().flatMap((at) => groups.get(at)!);
}

/** A UUID v4 derived from an item's id and content: the same on every PC that resolves alike. */
export function variantItemId(id: string, content: string): string {
  const hex = bytesToHex(sha256(utf8ToBytes(`${id}\n${content}`)));
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The data that resolves the conflict: each field from the version chosen for it (default:
 * defaultChoices), a list-like field chosen as 'union' merged from every version. A field the
 * chosen version lacks is left out. Tombstones' empty data take no part in a union.
 */
export function resolveConflictData(
  type: RecordType,
  datas: readonly RecordFields[],
  choices: FieldChoices = {},
): RecordFields {
  const defaults = defaultChoices(type, datas);
  const result: RecordFields = {};
  for (const key of conflictFieldKeys(datas)) {
    const choice = choices[key] ?? defaults[key] ?? 0;
    const value =
      choice === 'union'
        ? isMergeableList(type, key)
          ? mergeListField(type, key, datas).items
          : datas[0]![key]
        : datas[choice]?.[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}
