import { contactDataSchema, contactSchemas, type ContactData } from '../domain/contact.ts';
import { checkContactRules, type SystemRef } from '../domain/contactRules.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import { canonicalJson } from '../domain/revision.ts';
import { createStoredRecord, reviseStoredRecord } from '../domain/storedRecord.ts';
import { nowIso } from '../domain/dateTime.ts';
import type { ContactCsvField } from '../exchange/contactCsv.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { requireStation } from './station.ts';

// Contacts from a spreadsheet (CSV) into the contact list: a pure plan for the preview, then one
// transaction that re-plans against what is stored at that moment and writes every row with one
// audit entry. A row whose 氏名・窓口名 and 組織名 match a stored contact updates it; the columns
// the person did not map, the systems it covers and its deputy are kept.

/** A CSV row that passed its own checks (applyContactMapping). */
export interface ContactImportRow {
  line: number;
  data: ContactData;
}

export type ContactImportChange = 'new' | 'updated' | 'unchanged';
export const contactImportChangeLabels: Record<ContactImportChange, string> = {
  new: '新規',
  updated: '更新',
  unchanged: '変更なし',
};

export interface PlannedContact {
  line: number;
  change: ContactImportChange;
  /** The stored contact it updates, or null for a new one. */
  existingId: string | null;
  /** What will be stored. */
  data: ContactData;
}

/** A row left out (`第3行: …`), or a warning about a row that is imported. */
export interface ContactImportNote {
  line: number;
  message: string;
}

export interface ContactImportPlan {
  rows: PlannedContact[];
  /** Rows that will not be imported, with the reason. */
  skipped: ContactImportNote[];
  /** Rows imported as they are but worth a look afterwards. */
  warnings: ContactImportNote[];
  counts: Record<ContactImportChange, number>;
}

const dataKeys = Object.keys(contactSchemas.shape) as (keyof ContactData)[];

/** 「山田(全角空白)花子」「山田 花子」「ＡＢＣ」「abc」: one key, so a re-import finds what it wrote. */
export function contactMatchKey(name: string, organization: string): string {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return `${fold(name)}\u0000${fold(organization)}`;
}

/** The stored contact's data fields only (a newer minor version's extras are kept by revise). */
function storedData(contact: RecordOf<'contact'>): ContactData {
  return Object.fromEntries(dataKeys.map((key) => [key, contact[key]])) as ContactData;
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/**
 * What importing `rows` would do to `existing` (the live contacts). Pure: the preview shows it
 * and applyContactImport recomputes it inside its transaction.
 */
export function planContactImport(
  rows: readonly ContactImportRow[],
  existing: readonly RecordOf<'contact'>[],
  mappedFields: readonly ContactCsvField[],
  /** The live systems, to warn about escalation orders that now clash. */
  systems: readonly SystemRef[] = [],
): ContactImportPlan {
  const byKey = new Map<string, RecordOf<'contact'>[]>();
  for (const contact of existing) {
    const key = contactMatchKey(contact.name, contact.organization);
    byKey.set(key, [...(byKey.get(key) ?? []), contact]);
  }
  const firstLine = new Map<string, number>();
  const plan: ContactImportPlan = {
    rows: [],
    skipped: [],
    warnings: [],
    counts: { new: 0, updated: 0, unchanged: 0 },
  };
  const mapped = new Set<string>(mappedFields);

  for (const { line, data } of rows) {
    const key = contactMatchKey(data.name, data.organization);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      plan.skipped.push({
        line,
        message: `第${line}行: 第${earlier}行と同じ連絡先（氏名・窓口名と組織名が同じ）です。1行にまとめてください`,
      });
      continue;
    }
    firstLine.set(key, line);
    const matches = byKey.get(key) ?? [];
    if (matches.length > 1) {
      plan.skipped.push({
        line,
        message: `第${line}行: 「${data.name}」という連絡先がこの端末に${matches.length}件あり、どれを更新するか決められません。連絡先の画面で1件にまとめてから取り込んでください`,
      });
      continue;
    }
    const target = matches[0];
    if (!target) {
      plan.rows.push({ line, change: 'new', existingId: null, data });
      plan.counts.new++;
      continue;
    }
    const before = storedData(target);
    const merged = { ...before };
    for (const key of dataKeys)
      if (mapped.has(key)) (merged as Record<string, unknown>)[key] = data[key];
    const parsed = contactDataSchema.safeParse(merged);
    if (!parsed.success) {
      plan.skipped.push({
        line,
        message: `第${line}行: 登録済みの「${target.name}」と合わせると内容が正しくなくなるため、更新できません（${parsed.error.issues[0]?.message ?? ''}）`,
      });
      continue;
    }
    const change = dataKeys.every((k) => sameValue(before[k], parsed.data[k]))
      ? 'unchanged'
      : 'updated';
    plan.rows.push({ line, change, existingId: target.id, data: parsed.data });
    plan.counts[change]++;
  }
  plan.warnings = escalationWarnings(plan.rows, existing, systems);
  return plan;
}

/** Updated contacts keep their systems: a new escalation order may now clash with another's. */
function escalationWarnings(
  rows: readonly PlannedContact[],
  existing: readonly RecordOf<'contact'>[],
  systems: readonly SystemRef[],
): ContactImportNote[] {
  const updates = new Map(rows.flatMap((r) => (r.existingId ? [[r.existingId, r.data]] : [])));
  const after = existing.map((c) => ({ ...c, ...(updates.get(c.id) ?? {}) }));
  return rows
    .filter((row) => row.change === 'updated' && row.existingId)
    .flatMap((row) =>
      checkContactRules({
        id: row.existingId,
        data: row.data,
        contacts: after,
        systems,
      })
        .filter((issue) => issue.field === 'escalationOrder')
        .map((issue) => ({ line: row.line, message: `第${row.line}行: ${issue.message}` })),
    );
}

/** The plan against the contacts stored now, for the preview (reads only). */
export async function previewContactImport(
  rows: readonly ContactImportRow[],
  mappedFields: readonly ContactCsvField[],
): Promise<ContactImportPlan> {
  const db = getDatabase();
  const [stored, systems] = await Promise.all([
    db.recordTable('contact').toArray(),
    db.recordTable('system').toArray(),
  ]);
  return planContactImport(
    rows,
    stored.filter((c) => !c.deleted),
    mappedFields,
    systems.filter((s) => !s.deleted),
  );
}

const SUMMARY_LIMIT = 1000;

/** 「新規: A、B／更新: C」, shortened with 「ほか N件」 to fit one audit entry. */
function listNames(plan: ContactImportPlan, room: number): string {
  const names = (change: ContactImportChange) =>
    plan.rows.filter((r) => r.change === change).map((r) => r.data.name);
  const parts: string[] = [];
  for (const change of ['new', 'updated'] as const) {
    const all = names(change);
    if (all.length === 0) continue;
    let text = `${contactImportChangeLabels[change]}: ${all.join('、')}`;
    if (text.length > room / 2) {
      let shown = all.length;
      while (shown > 0 && text.length > room / 2) {
        shown--;
        text = `${contactImportChangeLabels[change]}: ${all.slice(0, shown).join('、')} ほか${all.length - shown}件`;
      }
    }
    parts.push(text);
  }
  return parts.length ? `（${parts.join('／')}）` : '';
}

export interface ContactImportResult {
  plan: ContactImportPlan;
}

/**
 * Writes every new and changed contact of `rows` in ONE transaction with ONE audit entry; on any
 * failure nothing is written. `skippedRows` are the rows the person saw refused before this
 * step, counted into the audit entry.
 */
export async function applyContactImport(
  fileName: string,
  rows: readonly ContactImportRow[],
  mappedFields: readonly ContactCsvField[],
  skippedRows = 0,
): Promise<ContactImportResult> {
  const db = getDatabase();
  const table = db.recordTable('contact');
  const systemTable = db.recordTable('system');
  return db.transaction('rw', [table, systemTable, db.audit, db.settings], async (tx) => {
    const station = await requireStation(tx);
    const stored = (await table.toArray()).filter((c) => !c.deleted);
    const systems = (await systemTable.toArray()).filter((s) => !s.deleted);
    const byId = new Map(stored.map((c) => [c.id, c]));
    const plan = planContactImport(rows, stored, mappedFields, systems);
    const now = nowIso();
    const records = plan.rows.flatMap((row) => {
      if (row.change === 'unchanged') return [];
      const previous = row.existingId ? byId.get(row.existingId) : undefined;
      return [
        previous
          ? reviseStoredRecord('contact', previous, row.data, station.id, now)
          : createStoredRecord('contact', row.data, station.id, now),
      ];
    });
    if (records.length) await table.bulkPut(records);
    const { counts } = plan;
    const skipped = skippedRows + plan.skipped.length;
    const head = `連絡先をCSV「${fileName}」から取り込み: 新規${counts.new}件・更新${counts.updated}件・変更なし${counts.unchanged}件・取り込めない行${skipped}件`;
    await appendAudit(station, {
      at: now,
      action: 'import',
      recordType: 'contact',
      summary: head + listNames(plan, SUMMARY_LIMIT - head.length - 4),
    });
    return { plan };
  });
}
