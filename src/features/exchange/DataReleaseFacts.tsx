import type { AuditEntry } from '../../domain/audit.ts';
import { formatJapaneseDateTime } from '../../domain/japaneseDate.ts';
import { escapeControlCharacters as shown } from '../../exchange/safeText.ts';
import './dataRelease.css';

const protectionLabels = {
  recipients: '宛先の鍵で暗号化（age）',
  passphrase: 'パスフレーズで暗号化（age）',
  clear: '暗号化なし',
} as const;

/** The facts of one 持ち出し記録 as a definition list: on the export screen and on paper. */
export function DataReleaseFacts({ entry }: { entry: AuditEntry }) {
  const release = entry.release!;
  const rows: [string, string | string[]][] = [
    ['日時', formatJapaneseDateTime(entry.at)],
    ['持ち出した人', entry.actor],
    ['端末', release.where],
    ['ファイル', release.name],
    ['内容', entry.summary],
    ['保護', release.protection ? protectionLabels[release.protection] : '暗号化なし'],
  ];
  if (release.recipients?.length)
    rows.push(['宛先', release.recipients.map((r) => `${r.label}（${r.recipient}）`)]);
  if (release.sha256) rows.push(['ファイルの SHA-256', release.sha256]);
  if (release.innerSha256) rows.push(['中身（署名付きバンドル）の SHA-256', release.innerSha256]);
  return (
    <dl className="data-release-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            {Array.isArray(value)
              ? value.map((line) => <span key={line}>{shown(line)}</span>)
              : shown(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
