import type { OfflineStatus } from './serviceWorker.ts';

/** The header's short label and the settings screen's sentence for each offline status. */
export function describeOfflineStatus(status: OfflineStatus): { label: string; detail: string } {
  switch (status) {
    case 'ready':
      return {
        label: 'オフライン対応',
        detail:
          'この端末に備えの画面一式が保存されています。サーバーやネットワークが止まっても、ブックマークから開けます。',
      };
    case 'installing':
      return {
        label: 'オフライン準備中',
        detail:
          'オフラインで開くための準備をしています。この画面を開いたまま、しばらくお待ちください。',
      };
    case 'insecure':
      return {
        label: 'オフライン非対応（HTTP）',
        detail:
          'HTTP（暗号化されていない接続）で開いているため、ブラウザーがオフライン用の保存を許可しません。入力・保存・印刷・データ交換は使えますが、サーバーが止まると開けません。情報システム担当に HTTPS 化またはブラウザーのポリシー設定を依頼してください（docs/deployment.md）。',
      };
    case 'unavailable':
      return {
        label: 'オフライン非対応',
        detail:
          'このブラウザーではオフライン用の保存（サービスワーカー）が使えない設定です（プライベートウィンドウ、またはポリシーで無効）。通常のウィンドウで開くか、情報システム担当に相談してください。',
      };
    case 'failed':
      return {
        label: 'オフライン準備に失敗',
        detail:
          'オフラインで開くための準備に失敗しました。サーバーのファイルが欠けている可能性があります。再読み込みしても直らない場合は情報システム担当に連絡してください。',
      };
    case 'disabled':
      return {
        label: 'オフライン無効（開発用）',
        detail: '開発用サーバーではオフライン用の保存を行いません。',
      };
  }
}
