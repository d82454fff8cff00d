import type { ImpactScope } from '../domain/incident.ts';
import type { IncidentStatus } from '../domain/incidentStatus.ts';

/** Incident templates: system index, title, screen, operation, symptoms, error, scope, level. */
export const demoIncidentTemplates: {
  system: number;
  title: string;
  screen: string;
  operation: string;
  symptoms: string;
  errorMessage: string;
  scope: ImpactScope;
  level: number;
  cause: string;
  countermeasure: string;
}[] = [
  {
    system: 0,
    title: '住民票の写しが印刷できない',
    screen: '証明書発行画面',
    operation: '住民票の写しの発行で「印刷」ボタンを押した',
    symptoms: '印刷中のまま進まず、プリンターから出力されない',
    errorMessage: 'E-PRT-0042 帳票サーバに接続できません',
    scope: 'several',
    level: 2,
    cause: '帳票サーバのサービスが停止していた',
    countermeasure: 'サービスを再起動し、監視項目に追加した',
  },
  {
    system: 0,
    title: 'ログイン後に画面が固まる',
    screen: 'メニュー画面',
    operation: 'ICカードでログインした直後',
    symptoms: 'マウスカーソルが砂時計のまま、5分以上操作できない',
    errorMessage: '',
    scope: 'self',
    level: 1,
    cause: '端末のメモリ不足',
    countermeasure: '端末を再起動した。メモリ増設を検討',
  },
  {
    system: 0,
    title: '転入届の登録でエラー',
    screen: '異動届出入力画面',
    operation: '転入届を入力し「登録」ボタンを押した',
    symptoms: 'エラーが表示され、登録できない',
    errorMessage: 'ERR-102 住所コードが不正です',
    scope: 'department',
    level: 3,
    cause: '住所マスタの更新漏れ',
    countermeasure: 'ベンダーが住所マスタを更新した',
  },
  {
    system: 1,
    title: '税証明の発行で金額が表示されない',
    screen: '税証明発行画面',
    operation: '所得証明書の発行で宛名番号を入力した',
    symptoms: '課税額の欄が空欄のまま表示される',
    errorMessage: '',
    scope: 'several',
    level: 2,
    cause: '年度切替処理の未完了',
    countermeasure: '年度切替処理を再実行した',
  },
  {
    system: 2,
    title: '資格確認書の印刷がずれる',
    screen: '資格確認書発行画面',
    operation: '資格確認書を一括印刷した',
    symptoms: '印字位置が右に約5mmずれる',
    errorMessage: '',
    scope: 'self',
    level: 1,
    cause: 'プリンタードライバの更新',
    countermeasure: '印刷位置の補正値を設定した',
  },
  {
    system: 3,
    title: '福祉総合システムに接続できない',
    screen: 'ログイン画面',
    operation: 'システムを起動した',
    symptoms: '「サーバーに接続できません」と表示される',
    errorMessage: 'ネットワークエラー (0x80072EE7)',
    scope: 'department',
    level: 3,
    cause: '庁内DNSサーバの設定誤り',
    countermeasure: 'DNS設定を修正し、変更手順に確認者を追加した',
  },
  {
    system: 4,
    title: 'コンビニで住民票が取れないと問い合わせ',
    screen: '（住民からの電話）',
    operation: '住民がコンビニのマルチコピー機で交付を申請した',
    symptoms: '「現在ご利用いただけません」と表示されるとのこと',
    errorMessage: 'サービス停止中',
    scope: 'all',
    level: 2,
    cause: '交付センター側の計画外メンテナンス',
    countermeasure: '事前連絡の徹底をベンダーに申し入れた',
  },
  {
    system: 5,
    title: '番号案内の表示板が更新されない',
    screen: '呼出操作画面',
    operation: '「次の方」ボタンを押した',
    symptoms: '表示板の番号が変わらない',
    errorMessage: '',
    scope: 'department',
    level: 1,
    cause: '表示板の電源アダプタの故障',
    countermeasure: 'アダプタを交換した',
  },
  {
    system: 6,
    title: '支出命令の決裁が回らない',
    screen: '電子決裁画面',
    operation: '支出命令を起票し「決裁へ」を押した',
    symptoms: '決裁者の一覧が空になる',
    errorMessage: 'W-APV-011 承認ルートが見つかりません',
    scope: 'several',
    level: 2,
    cause: '人事異動に伴う承認ルートの設定漏れ',
    countermeasure: '承認ルートを設定した',
  },
  {
    system: 7,
    title: '庁内の全システムが遅い',
    screen: '（全画面）',
    operation: '各課で通常業務中',
    symptoms: '画面の切り替えに30秒以上かかる',
    errorMessage: '',
    scope: 'all',
    level: 4,
    cause: '基幹スイッチのループ',
    countermeasure: 'ループの原因となった配線を外し、ループ検知を有効にした',
  },
];

/** Status of the demo incidents by age: old ones are closed, recent ones still open. */
export function demoStatusForAge(daysAgo: number, index: number): IncidentStatus {
  if (daysAgo > 30) return index % 5 === 0 ? 'resolved' : 'closed';
  if (daysAgo > 7) return (['resolved', 'closed', 'provisional'] as const)[index % 3]!;
  return (['occurred', 'reported', 'inProgress', 'provisional'] as const)[index % 4]!;
}
