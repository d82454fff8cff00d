// The names and labels of contact records, apart from the schema (contact.ts) so that screens can
// show them without zod (issue 9: first screen). contact.ts re-exports them.

export const contactKinds = ['vendor', 'itSection', 'internal', 'other'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const contactKindLabels: Record<ContactKind, string> = {
  vendor: 'ベンダー窓口',
  itSection: '情報システム担当',
  internal: '庁内',
  other: 'その他',
};

/** One source of the Japanese name of every field: schema messages, forms and the conflict view. */
export const contactFieldLabels = {
  name: '氏名・窓口名',
  organization: '組織名',
  department: '部署',
  role: '役割',
  kind: '種別',
  phones: '電話番号',
  extension: '内線',
  email: 'メールアドレス',
  businessHours: '受付時間',
  afterHoursPhone: '時間外の電話番号',
  contractNumber: '契約番号・お客様番号',
  systemIds: '担当するシステム',
  escalationOrder: '連絡順',
  deputyContactId: '職務代行',
  notes: '備考',
  confirmedOn: '最終確認日',
  confirmedBy: '確認した人',
} as const;
