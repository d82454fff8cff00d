import type { z } from '../domain/zodLocale.ts';
import {
  contactDataSchema,
  contactFieldLabels,
  contactKindLabels,
  contactKinds,
  type ContactConfirmationKey,
  type ContactData,
  type ContactKind,
} from '../domain/contact.ts';
import { formatBusinessHours, parseBusinessHoursText } from '../domain/businessHours.ts';
import { restoreNeutralizedCell, toCsv, type CsvError, type CsvRow } from './csv.ts';

// Systems covered (systemIds) and the deputy (deputyContactId) are not columns: they are ids
// of other records, which mean nothing in a spreadsheet. An import leaves them empty; the
// caller keeps them when it updates a contact that already exists.

/** Fields of the contact CSV, in export order. */
const csvFields = [
  'name',
  'organization',
  'department',
  'role',
  'kind',
  'phones',
  'extension',
  'email',
  'businessHours',
  'afterHoursPhone',
  'contractNumber',
  'escalationOrder',
  'notes',
] as const;

/** Columns of the contact CSV, in export order; the header is the field's one label. */
export const contactCsvColumns = Object.fromEntries(
  csvFields.map((field) => [field, contactFieldLabels[field]]),
) as { [F in (typeof csvFields)[number]]: (typeof contactFieldLabels)[F] };
export type ContactCsvField = keyof typeof contactCsvColumns;
export type ContactCsvMapping = Record<ContactCsvField, number | null>;
const fields = Object.keys(contactCsvColumns) as ContactCsvField[];

/** Header names people use for each column, besides the label itself (compared by matchKey). */
const synonyms: Record<ContactCsvField, string[]> = {
  name: ['氏名', '名前', '窓口名', '窓口', '担当者', '担当者名', '連絡先名', 'name'],
  organization: ['会社名', '事業者名', '組織', '団体名', '会社', '事業者', '所属'],
  department: ['部署名', '部課', '所属課', '担当課', '課名'],
  role: ['役職', '担当業務', '担当'],
  kind: ['区分', '分類', '種類'],
  phones: ['電話', 'tel', '携帯', '携帯電話', '携帯番号', '連絡先電話番号', 'phone'],
  extension: ['内線番号'],
  email: ['メール', 'email', 'mail', '電子メール'],
  businessHours: ['営業時間', '対応時間', '受付時間帯', '窓口時間'],
  afterHoursPhone: ['時間外連絡先', '夜間・休日連絡先', '夜間連絡先', '休日連絡先', '緊急連絡先'],
  contractNumber: ['契約番号', 'お客様番号', '顧客番号'],
  escalationOrder: ['連絡順位', '優先順位', '順位', '順番'],
  notes: ['メモ', '特記事項', '注記'],
};

/** 「E-mail」「ｅｍａｉｌ」「夜間 休日連絡先」 all reduce to one key. */
function matchKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・\-_/()[\]:]/g, '');
}

/** Guesses which CSV column holds which field, for the mapping screen to show and let staff change. */
export function suggestContactMapping(header: readonly string[]): ContactCsvMapping {
  const keys = header.map(matchKey);
  const mapping = Object.fromEntries(fields.map((f) => [f, null])) as ContactCsvMapping;
  const names = (field: ContactCsvField) =>
    [contactCsvColumns[field], ...synonyms[field]].map(matchKey);
  // A column named exactly as some field's header is kept for that field, so that a looser
  // prefix match (「窓口」 in 「窓口時間」) cannot take it.
  const owner = keys.map((key) => fields.find((field) => names(field).includes(key)) ?? null);
  const used = new Set<number>();
  const free = (i: number, field: ContactCsvField) =>
    !used.has(i) && (owner[i] === null || owner[i] === field);
  for (const field of fields) {
    for (const n of names(field)) {
      // Exact first, then a header that starts with the name (「電話番号1」「内線番号(代表)」).
      let index = keys.findIndex((key, i) => free(i, field) && key === n);
      if (index < 0 && n.length >= 2)
        index = keys.findIndex((key, i) => free(i, field) && key.startsWith(n));
      if (index >= 0) {
        mapping[field] = index;
        used.add(index);
        break;
      }
    }
  }
  // A vendor list often has only 会社名: the company is then the contact's name.
  if (mapping.name === null && mapping.organization !== null) {
    mapping.name = mapping.organization;
    mapping.organization = null;
  }
  return mapping;
}

function parseKind(text: string): ContactKind | null {
  const key = matchKey(text);
  if (key === '') return 'other';
  return (
    contactKinds.find(
      (kind) => key === kind.toLowerCase() || key === matchKey(contactKindLabels[kind]),
    ) ?? null
  );
}

/** 「代表:03-1234-5678 / 夜間:090-…」 → labelled numbers; the separators are the ones staff type. */
function parsePhones(text: string): ContactData['phones'] {
  return text
    .split(/[/／、,，\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.search(/[:：]/);
      return colon < 0
        ? { label: '', number: part }
        : { label: part.slice(0, colon).trim(), number: part.slice(colon + 1).trim() };
    });
}

function formatPhones(phones: ContactData['phones']): string {
  return phones.map((p) => (p.label ? `${p.label}:${p.number}` : p.number)).join(' / ');
}

export type ContactRowResult = { line: number; data?: ContactData; errors: string[] };
export type ContactMappingResult =
  { ok: true; rows: ContactRowResult[] } | { ok: false; error: CsvError };

/** 「第12行: 電話番号は…」, adding the column's name when the message does not say it. */
function rowMessage(line: number, column: string, message: string, which = ''): string {
  const named = column === '' || message.includes(column) ? '' : `「${column}」: `;
  return `第${line}行${which}: ${named}${message}`;
}

function issueMessage(line: number, issue: z.core.$ZodIssue, phoneCount: number): string {
  const [top, index] = issue.path;
  const field = (fields as PropertyKey[]).includes(top as PropertyKey)
    ? (top as ContactCsvField)
    : null;
  const column = field ? contactCsvColumns[field] : '';
  if (field === 'escalationOrder')
    return rowMessage(line, column, `${column}は1〜99の数字で入力してください`);
  if (field === 'phones' && index === undefined && issue.code === 'too_big')
    return rowMessage(line, column, `${column}は${issue.maximum}件まで入力できます`);
  const which =
    field === 'phones' && typeof index === 'number' && phoneCount > 1 ? `（${index + 1}件目）` : '';
  return rowMessage(line, column, issue.message, which);
}

/** Turns mapped CSV rows into contacts, with Japanese errors naming the row and column. */
export function applyContactMapping(
  rows: readonly CsvRow[],
  mapping: ContactCsvMapping,
): ContactMappingResult {
  if (mapping.name === null)
    return { ok: false, error: { kind: 'missingColumn', column: contactCsvColumns.name } };
  const results: ContactRowResult[] = [];
  for (const { line, cells } of rows) {
    const cell = (field: ContactCsvField) => {
      const index = mapping[field];
      return index === null ? '' : restoreNeutralizedCell(cells[index] ?? '');
    };
    if (fields.every((field) => cell(field).trim() === '')) continue;
    const errors: string[] = [];

    const kind = parseKind(cell('kind'));
    if (kind === null) {
      const choices = contactKinds.map((k) => `「${contactKindLabels[k]}」`).join('');
      errors.push(
        `第${line}行: 種別「${cell('kind').trim()}」は使えません。${choices}のどれかにしてください`,
      );
    }
    const hours = parseBusinessHoursText(cell('businessHours'));
    if (!hours.ok) errors.push(rowMessage(line, contactCsvColumns.businessHours, hours.message));
    const orderText = cell('escalationOrder').normalize('NFKC').trim();
    const order =
      orderText === '' ? null : /^\d+$/.test(orderText) ? Number(orderText) : Number.NaN;

    const phones = parsePhones(cell('phones'));
    const candidate = {
      name: cell('name'),
      organization: cell('organization'),
      department: cell('department'),
      role: cell('role'),
      kind: kind ?? 'other',
      phones,
      extension: cell('extension'),
      email: cell('email'),
      businessHours: hours.ok ? hours.value : null,
      afterHoursPhone: cell('afterHoursPhone'),
      contractNumber: cell('contractNumber'),
      systemIds: [],
      escalationOrder: order,
      deputyContactId: null,
      notes: cell('notes'),
      // No confirmation from a file: 「確認した」 is a person's act on this PC; an update keeps
      // the stored one (src/db/contactImport.ts merges only the mapped columns).
    } satisfies Record<Exclude<keyof ContactData, ContactConfirmationKey>, unknown>;
    const parsed = contactDataSchema.safeParse(candidate);
    if (!parsed.success)
      errors.push(...parsed.error.issues.map((issue) => issueMessage(line, issue, phones.length)));
    results.push(
      errors.length === 0 && parsed.success
        ? { line, data: parsed.data, errors }
        : { line, errors },
    );
  }
  return { ok: true, rows: results };
}

/** The contact list as CSV with the same columns the importer reads, so it round-trips. */
export function contactsToCsv(contacts: readonly ContactData[]): string {
  const rows = contacts.map((c) => {
    const values: Record<ContactCsvField, string | number | null> = {
      name: c.name,
      organization: c.organization,
      department: c.department,
      role: c.role,
      kind: contactKindLabels[c.kind],
      phones: formatPhones(c.phones),
      extension: c.extension,
      email: c.email,
      businessHours: c.businessHours === null ? '' : formatBusinessHours(c.businessHours),
      afterHoursPhone: c.afterHoursPhone,
      contractNumber: c.contractNumber,
      escalationOrder: c.escalationOrder,
      notes: c.notes,
    };
    return fields.map((field) => values[field]);
  });
  return toCsv(
    fields.map((field) => contactCsvColumns[field]),
    rows,
  );
}
