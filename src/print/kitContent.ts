// What the outage kit prints, worked out from the records: which procedure, and the contacts and
// levels as rows for paper. Pure (no DOM, no storage), so the app's 印刷 and a later
// `npm run print` render the same thing.
//
// Paper is read at an hour nobody knows in advance, so unlike the outage screen (「いまかける番号」)
// a row gives both numbers: the one to call within business hours and the one after hours
// (様式10 splits 就業時間内 / 就業時間外 the same way).

import type { ContactData } from '../domain/contact.ts';
import type { IncidentLevelData } from '../domain/incidentLevel.ts';
import { procedureFieldLabels, type ProcedureData } from '../domain/procedure.ts';
import { formatJapaneseCalendarDate } from '../domain/japaneseDate.ts';
import { formatBusinessHours, type BusinessHours } from '../domain/businessHours.ts';
import { formatNotifyWithin } from '../domain/levelSuggestion.ts';
import { contactDisplayName, contactsToCall } from '../domain/contactRules.ts';

type WithId<T> = T & { id: string };

/** The procedures of a system in the order the outage screen offers them (by title). */
export function proceduresOfSystem<P extends WithId<Pick<ProcedureData, 'title' | 'systemIds'>>>(
  procedures: readonly P[],
  systemId: string,
): P[] {
  return procedures
    .filter((p) => p.systemIds.includes(systemId))
    .sort((a, b) => a.title.localeCompare(b.title, 'ja'));
}

/**
 * The procedure the kit prints — the one chosen on the outage screen, else the first, as the
 * screen shows by default — and the system's other procedures, named in the kit so nobody
 * thinks there is only one.
 */
export function pickKitProcedure<P extends WithId<Pick<ProcedureData, 'title' | 'systemIds'>>>(
  procedures: readonly P[],
  systemId: string,
  chosenId: string | null,
): { procedure: P | null; others: P[] } {
  const own = proceduresOfSystem(procedures, systemId);
  const procedure = own.find((p) => p.id === chosenId) ?? own[0] ?? null;
  return { procedure, others: own.filter((p) => p !== procedure) };
}

/** True for a desk that answers around the clock every day, holidays included. */
export function isAlwaysOpen(hours: BusinessHours | null): boolean {
  if (!hours || hours.closedOnHolidays) return false;
  return hours.ranges.some(
    (r) => r.days.length === 7 && r.start === '00:00' && r.end === '24:00' && !r.overnight,
  );
}

/** 「代表 0120-000-111」: a phone as it is printed. */
function phoneText(phone: { label: string; number: string }): string {
  return phone.label ? `${phone.label} ${phone.number}` : phone.number;
}

/** One contact as a row of the printed call list. */
export interface ContactPrintRow {
  id: string;
  /** 「1」, or 「—」 when no order is set. */
  order: string;
  name: string;
  /** 部署・役割. */
  detail: string;
  hours: string;
  /** The numbers for business hours (every registered phone), and the extension. */
  phones: string[];
  /** The number after hours, or why there is none. */
  afterHours: string;
  /** 職務代行: the deputy's name and numbers; null when none is set. */
  deputy: string | null;
  contractNumber: string;
  notes: string;
}

/** What a printed contact row needs of a contact record. */
export type PrintableContact = WithId<
  Pick<
    ContactData,
    | 'name'
    | 'organization'
    | 'department'
    | 'role'
    | 'phones'
    | 'extension'
    | 'businessHours'
    | 'afterHoursPhone'
    | 'contractNumber'
    | 'systemIds'
    | 'escalationOrder'
    | 'deputyContactId'
    | 'notes'
  >
>;

function deputyText(
  contact: PrintableContact,
  byId: ReadonlyMap<string, PrintableContact>,
): string | null {
  if (!contact.deputyContactId) return null;
  const deputy = byId.get(contact.deputyContactId);
  if (!deputy) return '（削除された連絡先）';
  const numbers = deputy.phones.map(phoneText);
  if (deputy.extension) numbers.push(`内線 ${deputy.extension}`);
  if (deputy.afterHoursPhone && !deputy.phones.some((p) => p.number === deputy.afterHoursPhone))
    numbers.push(`時間外 ${deputy.afterHoursPhone}`);
  return [contactDisplayName(deputy), ...numbers].join(' ');
}

/** Any contact as a row for paper; `byId` holds every contact, to name the deputy. */
export function toContactPrintRow(
  contact: PrintableContact,
  byId: ReadonlyMap<string, PrintableContact>,
): ContactPrintRow {
  const phones = contact.phones.filter((p) => p.number.trim()).map(phoneText);
  if (contact.extension) phones.push(`内線 ${contact.extension}`);
  const afterHours = contact.afterHoursPhone.trim()
    ? contact.afterHoursPhone.trim()
    : isAlwaysOpen(contact.businessHours)
      ? '（24時間受付）'
      : '登録なし';
  return {
    id: contact.id,
    order: contact.escalationOrder === null ? '—' : String(contact.escalationOrder),
    name: contactDisplayName(contact),
    detail: [contact.department, contact.role].filter(Boolean).join('・'),
    hours: formatBusinessHours(contact.businessHours),
    phones: phones.length ? phones : ['電話番号の登録なし'],
    afterHours,
    deputy: deputyText(contact, byId),
    contractNumber: contact.contractNumber,
    notes: contact.notes.trim(),
  };
}

/** The contacts covering a system, in the order to call them, as rows for paper. */
export function contactPrintRows(
  contacts: readonly PrintableContact[],
  systemId: string,
): ContactPrintRow[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return contactsToCall([...contacts], systemId).map((contact) => toContactPrintRow(contact, byId));
}

/** One incident level as a row of the printed level guide. */
export interface LevelPrintRow {
  id: string;
  level: number;
  name: string;
  criteria: string;
  actions: string;
  notify: string;
  deadline: string;
}

/** The level guide for paper, lowest level first. */
export function levelPrintRows(
  levels: readonly WithId<
    Pick<
      IncidentLevelData,
      'level' | 'name' | 'criteria' | 'actions' | 'notify' | 'notifyWithinMinutes'
    >
  >[],
): LevelPrintRow[] {
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map((l) => ({
      id: l.id,
      level: l.level,
      name: l.name,
      criteria: l.criteria,
      actions: l.actions.trim() || '—',
      notify: l.notify.trim() || '—',
      deadline: formatNotifyWithin(l.notifyWithinMinutes),
    }));
}

/** 版・最終見直し日・責任者 of a procedure, as printed with it (labels from procedureFieldLabels). */
export function procedureFacts(
  procedure: Pick<ProcedureData, 'version' | 'lastReviewedOn' | 'owner'>,
): { label: string; value: string }[] {
  return [
    { label: procedureFieldLabels.version, value: procedure.version.trim() || '—' },
    {
      label: procedureFieldLabels.lastReviewedOn,
      value: formatJapaneseCalendarDate(procedure.lastReviewedOn),
    },
    { label: procedureFieldLabels.owner, value: procedure.owner.trim() || '—' },
  ];
}
