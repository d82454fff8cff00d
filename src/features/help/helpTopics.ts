/**
 * The guides 「手引き」 shows (#/help, #/help/<slug>): the repository's own Markdown files, imported
 * with `?raw` so the app and the repository never hold two copies. Each loader is a dynamic
 * import: the text and the renderer (HelpDocument.tsx, marked) are separate chunks, not in the
 * first screen's JavaScript, and the service worker precaches them like every built .js file, so
 * the guides open offline.
 */

import { helpPath } from './helpPath.ts';

export interface HelpTopic {
  /** The route: #/help/<slug>. DO NOT RENAME: the UI and printed notes link to these. */
  slug: string;
  /** The repository file, as other documents link to it (`deployment.md`, `docs/deployment.md`). */
  file: string;
  title: string;
  /** For whom, in one line. */
  description: string;
  audience: 'staff' | 'it' | 'developer';
  load: () => Promise<string>;
}

const text = (module: Promise<{ default: string }>) => module.then((m) => m.default);

export const helpTopics: readonly HelpTopic[] = [
  {
    slug: 'counter',
    file: 'docs/counter.md',
    title: '窓口での支援（報告メモ・多言語の案内・手順書の更新）',
    description:
      '障害を伝える報告メモ、住民への案内の多言語化と掲示・全画面表示、解決後の手順書の更新。',
    audience: 'staff',
    load: () => text(import('../../../docs/counter.md?raw')),
  },
  {
    slug: 'backup',
    file: 'docs/backup.md',
    title: 'バックアップと復元',
    description: '端末のデータを1つのファイルに保存し、新しい PC や新しいアドレスで元に戻す方法。',
    audience: 'staff',
    load: () => text(import('../../../docs/backup.md?raw')),
  },
  {
    slug: 'drills',
    file: 'docs/drills.md',
    title: '訓練の手引き',
    description: '訓練の計画、本番の画面での訓練、気づいたことからの要対応、訓練実施報告書。',
    audience: 'staff',
    load: () => text(import('../../../docs/drills.md?raw')),
  },
  {
    slug: 'review',
    file: 'docs/review.md',
    title: '点検（見直しの一覧）',
    description:
      '見直し・確認・訓練の時期が来たものと要対応の一覧、「確認した」「対応済みにする」。',
    audience: 'staff',
    load: () => text(import('../../../docs/review.md?raw')),
  },
  {
    slug: 'encryption',
    file: 'docs/encryption.md',
    title: '交換ファイルの暗号化（age）',
    description:
      '暗号化の宛先の鍵の作り方と保管、鍵をなくしたとき、監査での age と openssl による確認。',
    audience: 'it',
    load: () => text(import('../../../docs/encryption.md?raw')),
  },
  {
    slug: 'deployment',
    file: 'docs/deployment.md',
    title: '設置・更新手順',
    description:
      '庁内サーバーへの設置、オフラインで使うための条件（HTTPS・ブラウザーのポリシー）、更新と元の版に戻す手順。',
    audience: 'it',
    load: () => text(import('../../../docs/deployment.md?raw')),
  },
  {
    slug: 'keys',
    file: 'docs/deployment-keys.md',
    title: '署名鍵の配布と信頼',
    description:
      '各端末の鍵、相手の鍵を信頼する手順、配布設定ファイル sonae.config.json の書き方。',
    audience: 'it',
    load: () => text(import('../../../docs/deployment-keys.md?raw')),
  },
  {
    slug: 'printing',
    file: 'docs/printing.md',
    title: '印刷と緊急時の紙',
    description:
      '障害時キット、障害記録票、障害報告書、連絡先一覧、携帯用カード、緊急時バインダーと閲覧コピー、npm run print。',
    audience: 'it',
    load: () => text(import('../../../docs/printing.md?raw')),
  },
  {
    slug: 'changes',
    file: 'CHANGELOG.md',
    title: '変更履歴（リリースノート）',
    description: '版ごとの変更点。「保存形式の変更あり」の版は、更新の前に必ず読んでください。',
    audience: 'it',
    load: () => text(import('../../../CHANGELOG.md?raw')),
  },
  {
    slug: 'bundle-format',
    file: 'docs/bundle-format.md',
    title: 'データ交換ファイルの形式と検証方法',
    description:
      '署名付きファイルの仕様と、OpenSSL や Windows の PC での検証手順（概要は日本語、本文は英語）。',
    audience: 'developer',
    load: () => text(import('../../../docs/bundle-format.md?raw')),
  },
  {
    slug: 'offline',
    file: 'docs/offline.md',
    title: 'オフライン動作と更新の仕組み',
    description: 'サービスワーカー、更新、保存領域の確認の仕組み（開発担当向け、英語）。',
    audience: 'developer',
    load: () => text(import('../../../docs/offline.md?raw')),
  },
];

export function findHelpTopic(slug: string | undefined): HelpTopic | undefined {
  return helpTopics.find((topic) => topic.slug === slug);
}

export { helpPath };

/**
 * Where a link inside a guide goes in the app: another guide (any path ending in its file name),
 * a heading of this guide, or an outside address as it is. Null for a repository file the app
 * does not carry (source code, other folders): the link text is shown without a link.
 */
export function resolveHelpLink(href: string, fromSlug: string): string | null {
  if (/^(https?:|mailto:)/i.test(href)) return href;
  const [target = '', fragment] = href.split('#', 2) as [string, string | undefined];
  const section = fragment ? decodeURIComponent(fragment) : undefined;
  if (target === '') return `#${helpPath(fromSlug, section)}`;
  const name = target.split('/').pop()!.toLowerCase();
  const topic = helpTopics.find((t) => t.file.split('/').pop()!.toLowerCase() === name);
  return topic ? `#${helpPath(topic.slug, section)}` : null;
}
