import { formatDateTimeJa } from '../../domain/dateTime.ts';
import { describeRecordCounts } from '../../domain/recordTypes.ts';
import { describeBundleError } from '../../exchange/bundleErrors.ts';
import type { BundleSummary } from '../../exchange/createBundle.ts';
import { formatKeyFingerprint } from '../../exchange/keys.ts';
import { escapeControlCharacters as shown } from '../../exchange/safeText.ts';
import { signerRoleLabels } from '../../exchange/signerRoles.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { Banner } from '../common/Banner.tsx';
import { formatBytes } from '../common/formatBytes.ts';
import { DEPLOYMENT_CONFIG_FILE } from './deploymentConfig.ts';
import type { KeyTrust, VerifyResult } from './verifyBundleFile.ts';

/** The verdict of 「ファイルの検証」: the answer first, then the facts to compare and to write down. */
export function VerifyVerdict({ result }: { result: VerifyResult }) {
  const { verdict } = result;
  return (
    <section className="card verify-verdict" aria-labelledby="verify-verdict-heading">
      <h2 id="verify-verdict-heading">検証結果: {shown(result.fileName)}</h2>
      {verdict.kind === 'valid' ? (
        <Banner kind="success">
          <strong>有効</strong>: 信頼する鍵で正しく署名されていて、内容も壊れていません。
        </Banner>
      ) : verdict.kind === 'unverified' ? (
        <Banner kind="info">
          <strong>未確認</strong>: この PC が信頼していない鍵で署名されているため、署名が正しいかは
          まだ分かりません。下で送り主の公開鍵ファイルを選ぶと確かめられます。
        </Banner>
      ) : (
        <Banner kind="error">
          <strong>無効</strong>: {describeBundleError(verdict.error)}
        </Banner>
      )}
      <dl className="verify-facts">
        {result.encryptedSha256 ? (
          <>
            <dt>暗号化ファイルの SHA-256</dt>
            <dd>
              <code className="verify-hash">{result.encryptedSha256}</code>
            </dd>
          </>
        ) : null}
        <dt>
          {result.encryptedSha256 ? '中のファイル（署名付き）の SHA-256' : 'ファイルの SHA-256'}
        </dt>
        <dd>
          <code className="verify-hash">{result.sha256}</code>
          <br />
          <span className="hint">
            PowerShell の <code>Get-FileHash</code> や <code>certutil -hashfile</code>{' '}
            と同じ値です（大文字・小文字の違いは関係ありません）。送り主が知らせた値と比べてください。
          </span>
        </dd>
        {verdict.summary ? (
          <SummaryFacts summary={verdict.summary} />
        ) : (
          <>
            <dt>内容</dt>
            <dd>確かめられないため表示しません。</dd>
          </>
        )}
        {verdict.kind === 'valid' ? (
          <>
            <dt>この PC での扱い</dt>
            <dd>{describeTrust(verdict.trust)}</dd>
          </>
        ) : verdict.kind === 'unverified' ? (
          <>
            <dt>この PC での扱い</dt>
            <dd>この鍵を信頼していません（「信頼する鍵」にも配布設定にもありません）。</dd>
          </>
        ) : null}
      </dl>
      {verdict.kind === 'invalid' && verdict.summary ? (
        <p className="hint">
          署名や内容の確認に失敗したため、上の発行元・件数は、ファイルに書かれているだけの内容です。
        </p>
      ) : null}
    </section>
  );
}

function SummaryFacts({ summary }: { summary: BundleSummary }) {
  return (
    <>
      <dt>署名した鍵の指紋</dt>
      <dd>
        <strong className="fingerprint">{formatKeyFingerprint(summary.issuer.keyId ?? '')}</strong>
      </dd>
      <dt>発行元</dt>
      <dd>
        {shown(summary.issuer.label)}（{shown(summary.issuer.department)}）
      </dd>
      <dt>作成日時</dt>
      <dd>{formatDateTimeJa(summary.createdAt)}</dd>
      <dt>種類・通し番号</dt>
      <dd>
        {summary.kind === 'full' ? 'すべて' : '変更分'}・通し番号 {summary.sequence}
      </dd>
      <dt>記録の件数</dt>
      <dd>
        <ul className="exchange-counts">
          {describeRecordCounts(summary.counts).map((line) => (
            <li key={line}>{line}</li>
          ))}
          <li>
            添付ファイル {summary.attachmentCount}件（{formatBytes(summary.attachmentBytes)}）
          </li>
        </ul>
      </dd>
    </>
  );
}

function describeTrust(trust: KeyTrust): string {
  switch (trust.source) {
    case 'config':
      return `配布設定（${DEPLOYMENT_CONFIG_FILE}）で信頼している鍵です: ${shown(trust.row.label)}（${signerRoleLabels[trust.row.role]}）。`;
    case 'user':
      return `この PC の「信頼する鍵」に登録済みです: ${shown(trust.row.label)}（${signerRoleLabels[trust.row.role]}、${formatDateTimeShort(trust.row.addedAt)} ${shown(trust.row.addedBy || '—')} が登録）。`;
    case 'pemFile':
      return `選んだ公開鍵ファイル（${shown(trust.fileName)}）の鍵です。この PC には登録していません。`;
  }
}
