import type { SystemData } from '../domain/system.ts';
import type { IncidentLevelData } from '../domain/incidentLevel.ts';
import type { ContactData } from '../domain/contact.ts';
import type { ContactKind } from '../domain/contact.ts';

/**
 * The fictional municipality 架空市: every name, number and company here is invented.
 * Numbers use the 0XX-XXX range reserved by no carrier in the demo's story only.
 */
export const DEMO_MUNICIPALITY = '架空市';

export const demoSystems: SystemData[] = [
  {
    name: '住民記録システム',
    department: '市民課',
    vendor: '架空システムズ株式会社',
    continuityPriority: 'highest',
    priorityServices: '転入・転出届、住民票の写しの交付、マイナンバーカード関連手続',
    rtoHours: 3,
    notes: '標準準拠システム。ガバメントクラウド上で稼働。',
  },
  {
    name: '税務システム',
    department: '税務課',
    vendor: '架空システムズ株式会社',
    continuityPriority: 'high',
    priorityServices: '税証明の交付、納税相談',
    rtoHours: 24,
    notes: '',
  },
  {
    name: '国民健康保険システム',
    department: '保険年金課',
    vendor: 'ネオ情報サービス株式会社',
    continuityPriority: 'high',
    priorityServices: '資格確認、保険証（資格確認書）の交付',
    rtoHours: 24,
    notes: '',
  },
  {
    name: '福祉総合システム',
    department: '福祉課',
    vendor: 'ネオ情報サービス株式会社',
    continuityPriority: 'highest',
    priorityServices: '生活保護の緊急支給、要援護者名簿の出力',
    rtoHours: 6,
    notes: '災害時は要援護者名簿を紙で出力できること。',
  },
  {
    name: '証明書コンビニ交付システム',
    department: '市民課',
    vendor: '架空交付サービス株式会社',
    continuityPriority: 'high',
    priorityServices: 'コンビニでの住民票・印鑑登録証明書の交付',
    rtoHours: 24,
    notes: '停止時は市ホームページと窓口掲示で案内する。',
  },
  {
    name: '窓口受付・番号案内システム',
    department: '市民課',
    vendor: '株式会社架空テック',
    continuityPriority: 'normal',
    priorityServices: '',
    rtoHours: 72,
    notes: '停止時は紙の整理券で代替できる。',
  },
  {
    name: '財務会計システム',
    department: '会計課',
    vendor: '架空システムズ株式会社',
    continuityPriority: 'normal',
    priorityServices: '支払処理（給与・扶助費）',
    rtoHours: 72,
    notes: '',
  },
  {
    name: '庁内LAN・LGWAN接続',
    department: '情報政策課',
    vendor: '架空ネットワークス株式会社',
    continuityPriority: 'highest',
    priorityServices: 'すべての業務システムの通信基盤',
    rtoHours: 2,
    notes: '停止するとほぼすべての業務システムが使えなくなる。',
  },
];

/** Fixed ids for the demo's level questions, so every demo load asks the same questions. */
function demoQuestionId(level: number, n: number): string {
  return `5a0e1e7e-0000-4000-8000-${String(level * 100 + n).padStart(12, '0')}`;
}

export const demoLevels: IncidentLevelData[] = [
  {
    level: 1,
    name: '軽微',
    criteria: '一部の端末・一部の機能のみに影響。窓口業務は継続できる。',
    actions: '障害記録を作成し、所管課内で共有する。',
    notify: '所管課の係長',
    notifyWithinMinutes: 240,
    questions: [
      {
        id: demoQuestionId(1, 1),
        text: '一部の端末や機能だけがおかしい（ほかの端末では使える）',
        impliesLevel: 1,
      },
      {
        id: demoQuestionId(1, 2),
        text: '操作が遅いが、窓口の受付は続けられている',
        impliesLevel: 1,
      },
    ],
  },
  {
    level: 2,
    name: '中程度',
    criteria: '課全体で特定の業務が止まっている。住民の待ち時間が30分を超えるおそれ。',
    actions: '代替手順の初動を開始し、情報政策課とベンダー窓口に連絡する。',
    notify: '所管課長、情報政策課',
    notifyWithinMinutes: 30,
    questions: [
      {
        id: demoQuestionId(2, 1),
        text: '課のどの端末でも、同じ業務ができなくなっている',
        impliesLevel: 2,
      },
      {
        id: demoQuestionId(2, 2),
        text: '住民の待ち時間が30分を超えそう',
        impliesLevel: 2,
      },
      {
        id: demoQuestionId(2, 3),
        text: '再起動しても直らず、ベンダーの対応が必要そう',
        impliesLevel: 2,
      },
    ],
  },
  {
    level: 3,
    name: '重大',
    criteria: '非常時優先業務が止まっている、または複数の課・全庁に影響がある。',
    actions: '代替手順（紙での受付）に切り替え、住民への案内を掲示する。30分ごとに状況を報告する。',
    notify: '所管課長、情報政策課長、総務部長',
    notifyWithinMinutes: 15,
    questions: [
      {
        id: demoQuestionId(3, 1),
        text: '非常時優先業務（転入・転出届、証明書の交付など）が止まっている',
        impliesLevel: 3,
      },
      {
        id: demoQuestionId(3, 2),
        text: 'ほかの課でも同じ症状が出ている',
        impliesLevel: 3,
      },
      {
        id: demoQuestionId(3, 3),
        text: '紙での受付に切り替える必要がある',
        impliesLevel: 3,
      },
    ],
  },
  {
    level: 4,
    name: '緊急',
    criteria: '全庁の基盤（庁内LAN・LGWAN）が停止、または個人情報の漏えいのおそれがある。',
    actions: '災害対策本部に準じた体制をとる。副市長へ報告し、広報と連携して市民へ周知する。',
    notify: '副市長、総務部長、情報政策課長、広報課',
    notifyWithinMinutes: 10,
    questions: [
      {
        id: demoQuestionId(4, 1),
        text: '庁内LAN・LGWANにつながらず、ほとんどのシステムが使えない',
        impliesLevel: 4,
      },
      {
        id: demoQuestionId(4, 2),
        text: '個人情報が漏れた、または漏れたおそれがある',
        impliesLevel: 4,
      },
      {
        id: demoQuestionId(4, 3),
        text: 'ウイルス感染や不正アクセスの疑いがある',
        impliesLevel: 4,
      },
    ],
  },
];

const weekdays = [1, 2, 3, 4, 5];

function contact(
  name: string,
  organization: string,
  kind: ContactKind,
  fields: Partial<ContactData>,
): Omit<ContactData, 'systemIds' | 'deputyContactId'> {
  return {
    name,
    organization,
    department: '',
    role: '',
    kind,
    phones: [],
    extension: '',
    email: '',
    businessHours: null,
    afterHoursPhone: '',
    contractNumber: '',
    escalationOrder: null,
    notes: '',
    ...fields,
  };
}

/** Contacts with the indexes (into demoSystems) of the systems they cover. */
export const demoContacts: {
  data: ReturnType<typeof contact>;
  systems: number[];
  deputy?: number;
}[] = [
  {
    data: contact('ヘルプデスク', '架空システムズ株式会社', 'vendor', {
      department: 'カスタマーサポートセンター',
      role: '一次受付',
      phones: [{ label: '代表', number: '0120-000-111' }],
      email: 'support@kakuu-systems.example.jp',
      businessHours: {
        ranges: [{ days: weekdays, start: '08:30', end: '17:30', overnight: false }],
        closedOnHolidays: true,
      },
      afterHoursPhone: '090-0000-1111',
      contractNumber: 'KS-2024-00123',
      escalationOrder: 2,
      notes: '電話では「架空市 住民記録、契約番号 KS-2024-00123」と伝える。',
    }),
    systems: [0, 1, 6],
  },
  {
    data: contact('サポート窓口', 'ネオ情報サービス株式会社', 'vendor', {
      role: '一次受付',
      phones: [{ label: '代表', number: '0120-000-222' }],
      email: 'help@neo-joho.example.jp',
      businessHours: {
        ranges: [{ days: weekdays, start: '09:00', end: '18:00', overnight: false }],
        closedOnHolidays: true,
      },
      afterHoursPhone: '',
      contractNumber: 'NEO-K-5521',
      escalationOrder: 2,
      notes: '時間外は受け付けていない。翌営業日に折り返しを依頼する。',
    }),
    systems: [2, 3],
  },
  {
    data: contact('運用センター', '架空交付サービス株式会社', 'vendor', {
      phones: [{ label: '24時間', number: '0120-000-333' }],
      businessHours: {
        ranges: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '24:00', overnight: false }],
        closedOnHolidays: false,
      },
      contractNumber: 'CV-0042',
      escalationOrder: 2,
    }),
    systems: [4],
  },
  {
    data: contact('保守窓口', '株式会社架空テック', 'vendor', {
      phones: [{ label: '代表', number: '0120-000-444' }],
      businessHours: {
        ranges: [{ days: weekdays, start: '09:00', end: '17:00', overnight: false }],
        closedOnHolidays: true,
      },
      escalationOrder: 2,
    }),
    systems: [5],
  },
  {
    data: contact('ネットワーク監視センター', '架空ネットワークス株式会社', 'vendor', {
      phones: [{ label: '24時間', number: '0120-000-555' }],
      businessHours: {
        ranges: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '24:00', overnight: false }],
        closedOnHolidays: false,
      },
      contractNumber: 'NW-7788',
      escalationOrder: 2,
    }),
    systems: [7],
  },
  {
    data: contact('佐藤 一郎', '架空市', 'itSection', {
      department: '情報政策課',
      role: 'システム担当係長',
      phones: [
        { label: '直通', number: '0000-11-2345' },
        { label: '携帯（公用）', number: '080-0000-2345' },
      ],
      extension: '2345',
      email: 'sato@city.kakuu.example.jp',
      businessHours: {
        ranges: [{ days: weekdays, start: '08:30', end: '17:15', overnight: false }],
        closedOnHolidays: true,
      },
      afterHoursPhone: '080-0000-2345',
      escalationOrder: 1,
    }),
    systems: [0, 1, 2, 3, 4, 5, 6, 7],
    deputy: 6,
  },
  {
    data: contact('鈴木 美咲', '架空市', 'itSection', {
      department: '情報政策課',
      role: '主任（職務代行）',
      phones: [{ label: '直通', number: '0000-11-2346' }],
      extension: '2346',
      businessHours: {
        ranges: [{ days: weekdays, start: '08:30', end: '17:15', overnight: false }],
        closedOnHolidays: true,
      },
      escalationOrder: 1,
    }),
    systems: [0, 1, 2, 3, 4, 5, 6, 7],
  },
  {
    data: contact('高橋 健', '架空市', 'internal', {
      department: '市民課',
      role: '課長',
      extension: '1101',
      businessHours: {
        ranges: [{ days: weekdays, start: '08:30', end: '17:15', overnight: false }],
        closedOnHolidays: true,
      },
      afterHoursPhone: '080-0000-1101',
      escalationOrder: 3,
    }),
    systems: [0, 4, 5],
  },
  {
    data: contact('伊藤 由美', '架空市', 'internal', {
      department: '福祉課',
      role: '課長補佐',
      extension: '1301',
      businessHours: {
        ranges: [{ days: weekdays, start: '08:30', end: '17:15', overnight: false }],
        closedOnHolidays: true,
      },
      escalationOrder: 3,
    }),
    systems: [3],
  },
  {
    data: contact('広報課 当番', '架空市', 'internal', {
      department: '広報課',
      role: 'ホームページ・防災メール',
      extension: '1501',
      notes: '住民への周知文を依頼するときに連絡する。',
    }),
    systems: [],
  },
];
