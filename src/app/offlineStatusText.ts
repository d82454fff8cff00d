import { helpPath } from '../features/help/helpPath.ts';
import type { OfflineStatus } from './serviceWorker.ts';

/** A guide in 手引き (#/help) that tells the administrator what to do. */
export interface OfflineHelp {
  to: string;
  label: string;
}

/** Sections of 手引き「設置・更新手順」 (docs/deployment.md) the statuses point to. */
export const OFFLINE_HELP = {
  conditions: {
    to: helpPath('deployment', '2-オフラインで使うための条件'),
    label: '手引き「設置・更新手順」の「2. オフラインで使うための条件」',
  },
  troubleshooting: {
    to: helpPath('deployment', '43-うまくいかないとき'),
    label: '手引き「設置・更新手順」の「4.3 うまくいかないとき」',
  },
} as const satisfies Record<string, OfflineHelp>;

/**
 * The header's short label and the settings screen's sentence for each offline status, with the
 * guide to read when something is to be done (the app's own copy of docs/deployment.md, which
 * opens offline; the repository's docs/ folder is not in the release).
 */
export function describeOfflineStatus(status: OfflineStatus): {
  label: string;
  detail: string;
  help?: OfflineHelp;
} {
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
          'HTTP（暗号化されていない接続）で開いているため、ブラウザーがオフライン用の保存を許可しません。入力・保存・印刷・データ交換は使えますが、サーバーが止まると開けません。情報システム担当に HTTPS 化またはブラウザーのポリシー設定を依頼してください。',
        help: OFFLINE_HELP.conditions,
      };
    case 'unavailable':
      return {
        label: 'オフライン非対応',
        detail:
          'このブラウザーではオフライン用の保存（サービスワーカー）が使えない設定です（プライベートウィンドウ、またはポリシーで無効）。通常のウィンドウで開くか、情報システム担当に相談してください。',
        help: OFFLINE_HELP.conditions,
      };
    case 'failed':
      return {
        label: 'オフライン準備に失敗',
        detail:
          'オフラインで開くための準備に失敗しました。サーバーのファイルが欠けている可能性があります。再読み込みしても直らない場合は情報システム担当に連絡してください。',
        help: OFFLINE_HELP.troubleshooting,
      };
    case 'disabled':
      return {
        label: 'オフライン無効（開発用）',
        detail: '開発用サーバーではオフライン用の保存を行いません。',
      };
  }
}
