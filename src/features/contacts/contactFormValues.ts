import {
  confirmationOf,
  contactDataSchema,
  type ContactConfirmationKey,
  type ContactData,
  type ContactKind,
} from '../../domain/contact.ts';
import type { BusinessHoursRange } from '../../domain/businessHours.ts';
import { checkContactRules, type ContactRef, type SystemRef } from '../../domain/contactRules.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { pickData } from '../../domain/recordMeta.ts';
import { toFieldErrors, type FieldErrors } from '../common/fieldErrors.ts';

/** What the contact form edits and its draft stores; numbers and times stay as typed until saving. */
export interface ContactFormValues {
  name: string;
  organization: string;
  department: string;
  role: string;
  kind: ContactKind;
  phones: { label: string; number: string }[];
  extension: string;
  email: string;
  /** 'none' saves 「受付時間未登録」 but keeps the ranges typed so far, in case of a slip. */
  hoursMode: 'none' | 'ranges';
  ranges: BusinessHoursRange[];
  closedOnHolidays: boolean;
  afterHoursPhone: string;
  contractNumber: string;
  systemIds: string[];
  escalationText: string;
  /** '' = none. */
  deputyContactId: string;
  notes: string;
  /** Carried through an edit unchanged: 「確認した」 sets them, the form never edits them. */
  confirmedOn?: string;
  confirmedBy?: string;
  baseRev: string | null;
}

export const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];
export const EVERY_DAY: readonly number[] = [0, 1, 2, 3, 4, 5, 6];

/** The range a new row starts with: the office hours most desks keep. */
export function defaultRange(): BusinessHoursRange {
  return { days: [...WEEKDAYS], start: '08:30', end: '17:15', overnight: false };
}

/** A contact with nothing filled in (a vendor desk, the most common kind). */
export function emptyContact(): ContactData {
  return {
    name: '',
    organization: '',
    department: '',
    role: '',
    kind: 'vendor',
    phones: [],
    extension: '',
    email: '',
    businessHours: null,
    afterHoursPhone: '',
    contractNumber: '',
    systemIds: [],
    escalationOrder: null,
    deputyContactId: null,
    notes: '',
  };
}

export function toContactFormValues(record: RecordOf<'contact'> | null): ContactFormValues {
  const { businessHours, escalationOrder, deputyContactId, phones, ...text } = record
    ? pickData(record)
    : emptyContact();
  return {
    ...text,
    systemIds: [...text.systemIds],
    phones: phones.length ? phones.map((p) => ({ ...p })) : [{ label: '', number: '' }],
    hoursMode: businessHours ? 'ranges' : 'none',
    ranges: businessHours
      ? businessHours.ranges.map((r) => ({ ...r, days: [...r.days] }))
      : [defaultRange()],
    closedOnHolidays: businessHours?.closedOnHolidays ?? true,
    escalationText: escalationOrder === null ? '' : String(escalationOrder),
    deputyContactId: deputyContactId ?? '',
    baseRev: record?.rev ?? null,
  };
}

/** 「8:30」「８：３０」「8時30分」「830」 → '08:30'; anything else is left for the schema to refuse. */
export function normalizeTime(text: string): string {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  const m =
    /^(\d{1,2})[:時](\d{2})分?$/.exec(t) ??
    /^(\d{1,2})()時$/.exec(t) ??
    /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return t;
  return `${m[1]!.padStart(2, '0')}:${m[2] || '00'}`;
}

const ORDER_MESSAGE = '連絡順は1〜99の数字で入力してください（空欄なら順番なし）';

function parseOrder(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  return t === '' ? null : /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** Form field a schema path belongs to: hours to their range rows, the order to its text box. */
function formPath(path: string, phoneRows: readonly number[] = []): string {
  const phone = /^phones\.(\d+)(\..*)?$/.exec(path);
  if (phone) return `phones.${phoneRows[Number(phone[1])] ?? phone[1]}${phone[2] ?? ''}`;
  if (path === 'escalationOrder') return 'escalationText';
  if (path.startsWith('businessHours.')) return path.slice('businessHours.'.length);
  if (path === 'businessHours') return 'ranges';
  return path;
}

export interface ContactFormContext {
  id: string | null;
  contacts: readonly ContactRef[];
  systems: readonly SystemRef[];
}

/** Validates the form against the schema and the other records; `data` only when nothing is wrong. */
export function validateContactForm(
  values: ContactFormValues,
  context: ContactFormContext,
): { data?: ContactData; errors: FieldErrors } {
  // A phone row left completely empty is a row nobody meant to fill in; the others keep their
  // row number on screen for their messages.
  const phoneRows = values.phones.flatMap((p, i) =>
    p.label.trim() !== '' || p.number.trim() !== '' ? [i] : [],
  );
  const candidate = {
    name: values.name,
    organization: values.organization,
    department: values.department,
    role: values.role,
    kind: values.kind,
    phones: phoneRows.map((i) => values.phones[i]!),
    extension: values.extension,
    email: values.email,
    businessHours:
      values.hoursMode === 'none'
        ? null
        : {
            ranges: values.ranges.map((r) => ({
              ...r,
              days: [...r.days].sort((a, b) => a - b),
              start: normalizeTime(r.start),
              end: normalizeTime(r.end),
            })),
            closedOnHolidays: values.closedOnHolidays,
          },
    afterHoursPhone: values.afterHoursPhone,
    contractNumber: values.contractNumber,
    systemIds: values.systemIds,
    escalationOrder: parseOrder(values.escalationText),
    deputyContactId: values.deputyContactId || null,
    notes: values.notes,
    ...confirmationOf(values),
  } satisfies Record<Exclude<keyof ContactData, ContactConfirmationKey>, unknown>;

  const errors: FieldErrors = {};
  const parsed = contactDataSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const [path, message] of Object.entries(toFieldErrors(parsed.error.issues))) {
      const key = formPath(path, phoneRows);
      errors[key] ??= key === 'escalationText' ? ORDER_MESSAGE : message;
    }
  }
  // Cross-record checks run on what was typed, so their messages show together with the rest.
  const rules = checkContactRules({
    id: context.id,
    data: {
      systemIds: candidate.systemIds,
      escalationOrder: Number.isNaN(candidate.escalationOrder) ? null : candidate.escalationOrder,
      deputyContactId: candidate.deputyContactId,
    },
    contacts: context.contacts,
    systems: context.systems,
  });
  for (const issue of rules) errors[formPath(issue.field)] ??= issue.message;
  if (!parsed.success || Object.keys(errors).length) return { errors };
  return { data: parsed.data, errors };
}
