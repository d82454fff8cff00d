import { z } from './zodLocale.ts';
import { defineRecordType } from './defineRecordType.ts';
import { idSchema } from './ids.ts';
import { optionalText, requiredText, TEXT_LIMITS } from './text.ts';

export const contactKinds = ['vendor', 'itSection', 'internal', 'other'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const contactKindLabels: Record<ContactKind, string> = {
  vendor: 'ベンダー窓口',
  itSection: '情報システム担当',
  internal: '庁内',
  other: 'その他',
};

const timeOfDay = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, {
  error: '時刻は「09:00」の形で入力してください',
});

/** Weekdays as in Date#getDay: 0 = Sunday … 6 = Saturday. */
export const businessHoursSchema = z.strictObject({
  days: z.array(z.number().int().min(0).max(6)).max(7),
  start: timeOfDay,
  end: timeOfDay,
  /** Open on national holidays too (most vendor desks are not). */
  holidays: z.boolean(),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** 連絡先 — maps onto 様式2 and 様式9 (緊急連絡先一覧). */
export const contactSchemas = defineRecordType({
  name: requiredText('氏名・窓口名'),
  organization: optionalText('組織名'),
  department: optionalText('部署'),
  role: optionalText('役割'),
  kind: z.enum(contactKinds, { error: '種別を選んでください' }),
  phones: z
    .array(
      z.strictObject({
        label: optionalText('電話番号の種類', 30),
        number: requiredText('電話番号', 30),
      }),
    )
    .max(10),
  extension: optionalText('内線', 20),
  email: optionalText('メールアドレス', 200),
  businessHours: businessHoursSchema.nullable(),
  afterHoursPhone: optionalText('時間外の電話番号', 30),
  /** 契約番号・お客様番号 to quote when calling a vendor desk. */
  contractNumber: optionalText('契約番号・お客様番号'),
  systemIds: z.array(idSchema).max(200),
  /** 1 = call first. */
  escalationOrder: z.number().int().min(1).max(99).nullable(),
  /** 職務代行: who stands in when this person cannot be reached. */
  deputyContactId: idSchema.nullable(),
  notes: optionalText('備考', TEXT_LIMITS.long),
});

export const contactDataSchema = contactSchemas.data;
export const contactSchema = contactSchemas.record;
export type ContactData = z.infer<typeof contactDataSchema>;
export type ContactRecord = z.infer<typeof contactSchema>;
