import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { idSchema } from './ids.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';
import { dateSchema } from './dateTime.ts';
import { businessHoursSchema, type BusinessHours } from './businessHours.ts';
import type { Station } from './station.ts';
import { actorNameOf } from './operator.ts';
import {
  contactKinds,
  contactKindLabels,
  contactFieldLabels,
  type ContactKind,
} from './contactLabels.ts';

/** Business hours as contacts stored them before 2.0: one range, `holidays` = open on holidays. */
interface LegacyBusinessHours {
  days: number[];
  start: string;
  end: string;
  holidays: boolean;
}

/**
 * contact 1.0 → 2.0: business hours become ranges that may run past midnight, with closure on
 * holidays stated the other way round. 23:59 meant "until the end of the day" (the old form
 * had no 24:00); a range that ended before it started was an overnight range.
 */
export function upgradeBusinessHours(old: LegacyBusinessHours | null): BusinessHours | null {
  if (!old || old.days.length === 0) return null;
  const days = [...new Set(old.days)].sort((a, b) => a - b);
  const closedOnHolidays = !old.holidays;
  if (old.start === old.end)
    return { ranges: [{ days, start: '00:00', end: '24:00', overnight: false }], closedOnHolidays };
  const end = old.end === '23:59' ? '24:00' : old.end;
  const overnight = end !== '24:00' && end < old.start;
  return { ranges: [{ days, start: old.start, end, overnight }], closedOnHolidays };
}

/** 連絡先 — maps onto 様式2 and 様式9 (緊急連絡先一覧). */
export const contactSchemas = defineRecordType(
  {
    name: requiredText(contactFieldLabels.name),
    organization: optionalText(contactFieldLabels.organization),
    department: optionalText(contactFieldLabels.department),
    role: optionalText(contactFieldLabels.role),
    kind: z.enum(contactKinds, { error: '種別を選んでください' }),
    phones: z
      .array(
        z.strictObject({
          label: optionalText('電話番号の種類', 30),
          number: requiredText('電話番号', 30),
        }),
      )
      .max(10),
    extension: optionalText(contactFieldLabels.extension, 20),
    email: optionalText(contactFieldLabels.email, 200),
    /** null = not registered (shown as 「受付時間未登録」). */
    businessHours: businessHoursSchema.nullable(),
    afterHoursPhone: optionalText(contactFieldLabels.afterHoursPhone, 30),
    /** 契約番号・お客様番号 to quote when calling a vendor desk. */
    contractNumber: optionalText(contactFieldLabels.contractNumber),
    systemIds: z.array(idSchema).max(200),
    /** 1 = call first. */
    escalationOrder: z.number().int().min(1).max(99).nullable(),
    /** 職務代行: who stands in when this person cannot be reached. */
    deputyContactId: idSchema.nullable(),
    notes: optionalText(contactFieldLabels.notes, TEXT_LIMITS.long),
    /** 「確認した」: the Tokyo date someone last checked this contact is still right; absent = never. */
    confirmedOn: dateSchema.optional(),
    /** Who pressed 「確認した」 (the station's staff name, else its terminal name). */
    confirmedBy: optionalText(contactFieldLabels.confirmedBy, 100).optional(),
  },
  {
    // 2.1: confirmedOn and confirmedBy (optional; absent = never confirmed). Issue 15, 点検.
    version: '2.1',
    upgrades: [
      {
        name: 'contact/businessHoursRanges',
        to: '2.0',
        up: (data) => ({
          ...data,
          businessHours: upgradeBusinessHours(data.businessHours as LegacyBusinessHours | null),
        }),
      },
    ],
  },
);

export const contactDataSchema = contactSchemas.data;
export const contactSchema = contactSchemas.record;
export type ContactData = z.infer<typeof contactDataSchema>;
export type ContactRecord = z.infer<typeof contactSchema>;

/** The fields 「確認した」 writes; the contact form and CSV never edit them. */
export const contactConfirmationKeys = ['confirmedOn', 'confirmedBy'] as const;
export type ContactConfirmationKey = (typeof contactConfirmationKeys)[number];

/** A contact's confirmation as stored (nothing when never confirmed), to carry through an edit. */
export function confirmationOf(
  contact: Partial<Pick<ContactData, ContactConfirmationKey>> | undefined,
): Partial<Pick<ContactData, ContactConfirmationKey>> {
  return contact?.confirmedOn
    ? { confirmedOn: contact.confirmedOn, confirmedBy: contact.confirmedBy ?? '' }
    : {};
}

/**
 * The name 「確認した」 records: the operator at the keyboard (`chosen` in this session, or the
 * station's only staff member), else its 担当者名, else its terminal name, as the audit trail
 * names them (PRODUCT.md decision 6), so the record never says nobody.
 */
export function confirmerName(
  station: Pick<Station, 'staffName' | 'staffNames' | 'terminal'>,
  chosen: string | null = null,
): string {
  return actorNameOf(station, chosen);
}

/** The contact's data as confirmed today by `by`. */
export function confirmContactData(data: ContactData, today: string, by: string): ContactData {
  return { ...data, confirmedOn: today, confirmedBy: by };
}
export { contactKinds, contactKindLabels, contactFieldLabels };
export type { ContactKind };
