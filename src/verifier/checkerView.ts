import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { formatJapaneseDateTime } from '../domain/japaneseDate.ts';
import { describeRecordCounts } from '../domain/recordTypes.ts';
import { describeBundleError } from '../exchange/bundleErrors.ts';
import type { TrustedKey } from '../exchange/bundleTrust.ts';
import { formatKeyFingerprint } from '../exchange/keys.ts';
import { escapeControlCharacters as shown } from '../exchange/safeText.ts';
import {
  checkBundleFile,
  isSignerKey,
  NOT_THE_SIGNER_MESSAGE,
  type FileSummary,
} from '../exchange/verifyFile.ts';
import { formatBytes } from '../features/common/formatBytes.ts';

/**
 * What the standalone checker page shows for a file, worked out without the DOM (tested in
 * tests/unit/verifier/checkerView.test.ts); renderCheck.ts turns it into elements.
 */

/** The sender's public key file as chosen: the key, or why it cannot be used. */
export type KeyChoice =
  | { fileName: string; ok: true; key: TrustedKey }
  | { fileName: string; ok: false; message: string };

export interface Fact {
  term: string;
  /** One line each. */
  values: string[];
  /** A smaller line under the values: how to use them, or the raw value from the file. */
  hint?: string;
  /** Digits and hashes in a fixed-width font, to compare character by character. */
  isCode?: boolean;
}

export interface CheckView {
  fileName: string;
  tone: 'valid' | 'invalid' | 'unverified';
  /** 有効 / 無効 / 署名は未確認 */
  verdict: string;
  reason: string;
  facts: Fact[];
  /** Said under the facts when they are only what the file claims. */
  note: string | null;
}

const UNCONFIRMED_NOTE =
  '署名を確かめられていないため、上の発行元・作成日時・件数は、ファイルに書かれているだけの内容です。';

const GET_FILE_HASH_HINT =
  'PowerShell の Get-FileHash -Algorithm SHA256 が表示する Hash と同じ値です（大文字・小文字の違いは関係ありません）。';

/** The file's hash facts: one for a bundle, two for an encrypted one (the file and inside). */
function hashFacts(bytes: Uint8Array, encryptedSha256: string | null): Fact[] {
  // Upper case, as Get-FileHash prints it, so the two can be compared at a glance.
  const inner = bytesToHex(sha256(bytes)).toUpperCase();
  if (encryptedSha256 === null)
    return [
      { term: 'ファイルの SHA-256', values: [inner], hint: GET_FILE_HASH_HINT, isCode: true },
    ];
  return [
    {
      term: 'ファイルの SHA-256（暗号化されたまま）',
      values: [encryptedSha256.toUpperCase()],
      hint: `持ち出し記録の「ファイルの SHA-256」と比べてください。${GET_FILE_HASH_HINT}`,
      isCode: true,
    },
    {
      term: '中身の SHA-256（開いたデータ交換ファイル）',
      values: [inner],
      hint: '持ち出し記録・取り込み履歴の「中身の SHA-256」と比べてください。',
      isCode: true,
    },
  ];
}

/**
 * The verdict on a bundle file's bytes, checked with the chosen key (if any); for a bundle
 * opened from an encrypted file, `encryptedSha256` is the encrypted file's hash.
 */
export function describeCheck(
  fileName: string,
  bytes: Uint8Array,
  keyChoice: KeyChoice | null,
  encryptedSha256: string | null = null,
): CheckView {
  const key = keyChoice?.ok ? keyChoice.key : null;
  const checked = checkBundleFile(bytes, key ? [key] : []);
  const summary = checked.summary;
  const facts: Fact[] = [
    ...hashFacts(bytes, encryptedSha256),
    ...(summary
      ? summaryFacts(summary, keyChoice)
      : [{ term: '内容', values: ['確かめられないため表示しません。'] }]),
  ];
  const base = { fileName: shown(fileName), facts };
  switch (checked.kind) {
    case 'valid':
      return {
        ...base,
        tone: 'valid',
        verdict: '有効',
        reason: `選んだ公開鍵（${shown(checked.signer.label)}）で正しく署名されていて、内容も壊れていません。`,
        note: null,
      };
    case 'invalid':
      return {
        ...base,
        tone: 'invalid',
        verdict: '無効',
        reason: describeBundleError(checked.error),
        note: summary ? UNCONFIRMED_NOTE : null,
      };
    case 'unverified':
      return {
        ...base,
        tone: 'unverified',
        verdict: '署名は未確認',
        reason: whyUnverified(keyChoice),
        note: UNCONFIRMED_NOTE,
      };
  }
}

/** A file refused before it was read (too large, unreadable): the reason only. */
export function describeUnreadFile(fileName: string, reason: string): CheckView {
  return {
    fileName: shown(fileName),
    tone: 'invalid',
    verdict: '無効',
    reason,
    facts: [],
    note: null,
  };
}

function whyUnverified(keyChoice: KeyChoice | null): string {
  if (!keyChoice)
    return '公開鍵ファイルを選んでいないため、署名が正しいかはまだ分かりません。送り主の公開鍵ファイル（.pem）を選ぶと確かめられます。';
  if (!keyChoice.ok) return `選んだ公開鍵ファイルを使えません: ${keyChoice.message}`;
  return NOT_THE_SIGNER_MESSAGE;
}

function summaryFacts(summary: FileSummary, keyChoice: KeyChoice | null): Fact[] {
  const keyId = summary.issuer.keyId ?? '';
  return [
    {
      term: '署名した鍵の指紋',
      values: [formatKeyFingerprint(keyId)],
      hint: `鍵ID（RFC 7638 の拇印）: ${keyId}`,
      isCode: true,
    },
    { term: '選んだ公開鍵', values: describeKeyChoice(summary, keyChoice) },
    {
      term: '発行元',
      values: [`${shown(summary.issuer.label)}（${shown(summary.issuer.department)}）`],
    },
    { term: '形式の版', values: [String(summary.formatVersion)] },
    {
      term: '作成日時',
      values: [`${formatJapaneseDateTime(summary.createdAt)}（日本時間）`],
      hint: `ファイルの値: ${summary.createdAt}`,
    },
    {
      term: '種類・通し番号',
      values: [`${summary.kind === 'full' ? 'すべて' : '変更分'}・通し番号 ${summary.sequence}`],
    },
    { term: '記録の件数', values: describeCounts(summary) },
  ];
}

function describeKeyChoice(summary: FileSummary, keyChoice: KeyChoice | null): string[] {
  if (!keyChoice) return ['選んでいません'];
  if (!keyChoice.ok) return [`${shown(keyChoice.fileName)}: ${keyChoice.message}`];
  const chosen = `${shown(keyChoice.fileName)}（指紋 ${formatKeyFingerprint(keyChoice.key.keyId)}）`;
  return isSignerKey(summary, keyChoice.key)
    ? [chosen, '署名した鍵と一致します。']
    : [chosen, '署名した鍵と一致しません。'];
}

/** 「連絡先 2件（うち削除 1件）」 per type, then the attachments. */
function describeCounts(summary: FileSummary): string[] {
  return [
    ...describeRecordCounts(summary.counts),
    `添付ファイル ${summary.attachmentCount}件（${formatBytes(summary.attachmentBytes)}）`,
  ];
}
