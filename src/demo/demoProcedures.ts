import type { ProcedurePhase } from '../domain/procedure.ts';

/** BCP fallback procedures of 架空市, with indexes into demoSystems. */
export interface DemoProcedure {
  title: string;
  systems: number[];
  trigger: string;
  levels: number[];
  steps: [ProcedurePhase, string, string][];
  residentGuidance: string;
  paperForms: string[];
  afterRecovery: string;
  owner: string;
  lastReviewedOn: string;
  version: string;
  agreements: [string, string, string][];
}

export const demoProcedures: DemoProcedure[] = [
  {
    title: '住民記録システム停止時の窓口対応',
    systems: [0],
    trigger: '住民記録システムが15分以上使えず、ベンダーから復旧見込みが示されないとき。',
    levels: [2, 3],
    steps: [
      ['initial', '窓口担当', '発生時刻・画面・エラーメッセージを障害記録に残し、係長に報告する。'],
      ['initial', '係長', '情報政策課（内線2345）とヘルプデスクに連絡し、影響範囲を確認する。'],
      ['initial', '係長', '待合の住民に遅延を案内し、案内文を掲示する。'],
      ['fallback', '窓口担当', '紙の受付簿（様式A）で受付し、整理番号を手書きで渡す。'],
      [
        'fallback',
        '窓口担当',
        '証明書は発行せず「後日交付申請書」を受け付け、交付予定日を伝える。',
      ],
      ['fallback', '係長', '30分ごとに情報政策課へ状況を確認し、掲示を更新する。'],
      ['recovery', '窓口担当', '復旧後、紙の受付簿の内容をシステムに入力する（2人で読み合わせ）。'],
      ['recovery', '係長', '後日交付の対象者に連絡し、入力漏れがないか受付簿と照合する。'],
    ],
    residentGuidance:
      'ただいまシステム障害のため、住民票の写し等の証明書を発行できません。受付は紙で行い、発行できるようになりしだい、ご連絡またはご郵送いたします。ご迷惑をおかけし申し訳ございません。',
    paperForms: ['様式A 紙の受付簿', '後日交付申請書', '障害記録票（手書き用）'],
    afterRecovery: '紙で受け付けた届出を当日中にシステムへ入力し、受付簿に入力済みの印を付ける。',
    owner: '市民課長',
    lastReviewedOn: '2026-04-15',
    version: '第3版',
    agreements: [
      ['2026-04-10', '架空システムズ株式会社', '障害の一次報告は連絡から30分以内に電話で行う。'],
      ['2026-04-15', '情報政策課', 'レベル3以上のときは情報政策課職員が市民課へ出向く。'],
    ],
  },
  {
    title: 'コンビニ交付停止時の案内',
    systems: [4],
    trigger:
      'コンビニ交付の運用センターから停止の連絡を受けたとき、または住民から交付できないと連絡があったとき。',
    levels: [1, 2],
    steps: [
      ['initial', '窓口担当', '運用センターに停止範囲と復旧見込みを確認する。'],
      ['initial', '係長', '広報課にホームページ掲載を依頼する。'],
      ['fallback', '窓口担当', '窓口で証明書を交付する。窓口の混雑に備えて受付を1名増やす。'],
      ['recovery', '係長', 'ホームページの掲載を取り下げるよう広報課に依頼する。'],
    ],
    residentGuidance:
      'ただいまコンビニエンスストアでの証明書交付を停止しています。市役所市民課の窓口（平日8時30分〜17時15分）をご利用ください。',
    paperForms: [],
    afterRecovery: '停止していた時間帯と問い合わせ件数を障害記録に残す。',
    owner: '市民課長',
    lastReviewedOn: '2025-10-01',
    version: '第1版',
    agreements: [
      [
        '2025-09-20',
        '架空交付サービス株式会社',
        '停止時は発生から15分以内に市民課へ電話連絡する。',
      ],
    ],
  },
  {
    title: '庁内LAN・LGWAN停止時の全庁対応',
    systems: [7, 0, 1, 2, 3, 6],
    trigger: '複数の課で同時にシステムへ接続できないとき。',
    levels: [3, 4],
    steps: [
      ['initial', '情報政策課', '監視センターに連絡し、障害範囲（庁舎・回線）を確認する。'],
      ['initial', '情報政策課', '全庁に庁内放送と電話で停止を周知する。'],
      ['fallback', '各課', '各課の代替手順に従い紙で受付する。'],
      ['fallback', '情報政策課', '1時間ごとに副市長・総務部長へ報告する。'],
      ['recovery', '情報政策課', '復旧後、各課にシステムの動作確認を依頼する。'],
    ],
    residentGuidance:
      '庁内のネットワーク障害のため、各種手続に時間がかかっております。お急ぎの方は職員にお申し出ください。',
    paperForms: ['各課の紙の受付簿'],
    afterRecovery: '各課の紙受付の入力完了を情報政策課が取りまとめる。',
    owner: '情報政策課長',
    lastReviewedOn: '2026-02-01',
    version: '第2版',
    agreements: [
      ['2026-01-25', '架空ネットワークス株式会社', '回線障害時は代替回線へ60分以内に切り替える。'],
    ],
  },
  {
    title: '福祉総合システム停止時の緊急支給',
    systems: [3],
    trigger: '福祉総合システムが使えず、当日中に支給が必要な相談があるとき。',
    levels: [2, 3],
    steps: [
      ['initial', 'ケースワーカー', '係長に報告し、当日支給が必要な件数を確認する。'],
      ['fallback', '係長', '紙の支給決定書で決裁を受け、会計課と調整して現金で支給する。'],
      ['recovery', 'ケースワーカー', '支給記録をシステムに入力し、紙の決定書と照合する。'],
    ],
    residentGuidance:
      'システムの不具合のため、お手続に時間がかかっております。本日中に対応いたしますので、しばらくお待ちください。',
    paperForms: ['紙の支給決定書', '現金受領書'],
    afterRecovery: '紙で行った支給をすべて入力し、会計課と金額を照合する。',
    owner: '福祉課長',
    lastReviewedOn: '2025-06-30',
    version: '第1版',
    agreements: [],
  },
];
