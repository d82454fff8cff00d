import { utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from '../../domain/zodLocale.ts';
import { instantSchema } from '../../domain/dateTime.ts';
import { stationSchema } from '../../domain/station.ts';
import { deepLoose } from '../../domain/deepLoose.ts';
import { canonicalJson } from '../../domain/canonicalJson.ts';
import { SIGNATURE_ALGORITHM } from '../bundleFormat.ts';
import {
  computeKeyId,
  decodePublicKeyPem,
  derivePublicKey,
  encodePublicKeyPem,
  KEY_ID_PATTERN,
  type PrivateKey,
} from '../keys.ts';
import { signBytesAsync, verifyBytesAsync } from '../webCryptoEd25519.ts';

/**
 * The whole-station backup: a stored ZIP (storedZip.ts) whose `manifest.json` lists every other
 * part with its SHA-256 and size, signed by the station key in `manifest.sig` (docs/backup-format.md).
 *
 * DO NOT CHANGE: `format` and the part names are written in every backup and read by auditors.
 */
export const BACKUP_FORMAT = 'sonae-backup';

/**
 * The version this code writes and the newest it reads. Bump it only for a change an older
 * reader must refuse (a new required part, a changed meaning); then keep reading the old one,
 * update docs/backup-format.md and add a fixture of the old version to the tests.
 */
export const LATEST_BACKUP_FORMAT_VERSION = 1;

export const BACKUP_FILE_EXTENSION = '.sonae-backup.zip';
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const PUBLIC_KEY_PATH = 'signer-public-key.pem';
export const PRIVATE_KEY_PATH = 'station-key.pem';
/** Rows of table `name`, part `n` (1-based): `tables/incidents/0001.ndjson`. */
export function tablePartPath(name: string, n: number): string {
  return `tables/${name}/${String(n).padStart(4, '0')}.ndjson`;
}
/** The bytes of the `n`th Blob found in the rows (attachments): `blobs/000001`. */
export function blobPartPath(n: number): string {
  return `blobs/${String(n).padStart(6, '0')}`;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const partPathSchema = z
  .string()
  .regex(
    /^(tables\/[A-Za-z0-9_]+\/\d{4}\.ndjson|blobs\/\d{6}|signer-public-key\.pem|station-key\.pem)$/,
  );

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  createdAt: instantSchema,
  /** The Sonae build that wrote it, for people (never used to decide anything). */
  generator: z.string().max(200),
  /** The Dexie schema version of the database it was read from (database.ts). */
  databaseVersion: z.number().int().positive(),
  // Loose: a later Sonae's station may carry more (as this one added 担当者の一覧); the manifest's
  // station is shown, the station itself is restored from the settings table.
  station: deepLoose(stationSchema),
  signer: z.object({
    alg: z.literal(SIGNATURE_ALGORITHM),
    keyId: z.string().regex(KEY_ID_PATTERN),
    publicKeyPem: z.string().max(2000),
  }),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z0-9_]+$/),
      rows: z.number().int().nonnegative(),
      /** Rows are `{"key":…,"value":…}` lines: the table's keys are not inside its rows. */
      outboundKeys: z.boolean(),
      parts: z.array(partPathSchema),
    }),
  ),
  parts: z.array(
    z.object({ path: partPathSchema, sha256: sha256Hex, size: z.number().int().nonnegative() }),
  ),
  /** The station's private key, passphrase-protected (PKCS#8 PBES2, as the key backup). */
  privateKey: z.object({ path: z.literal(PRIVATE_KEY_PATH) }).nullable(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type BackupManifestInput = Omit<BackupManifest, 'format' | 'version' | 'signer'>;

/** Why a backup file is refused; one Japanese sentence each (describeBackupError). */
export type BackupError =
  | { kind: 'notBackup' }
  | { kind: 'damaged'; detail: string }
  | { kind: 'partChanged'; path: string }
  | { kind: 'badSignature' }
  | { kind: 'tooNew'; version: number }
  | { kind: 'wrongPassphrase' }
  | { kind: 'tooBig'; needed: number; available: number }
  | { kind: 'notEmpty' };

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('ja-JP')} MB`;
}

export function describeBackupError(error: BackupError): string {
  switch (error.kind) {
    case 'notBackup':
      return '備えのバックアップファイルではありません。「.sonae-backup.zip」で終わるファイルを選んでください。';
    case 'damaged':
      return `ファイルが壊れているか、途中で切れています（${error.detail}）。何も変更していません。元のファイルをもう一度コピーしてください。`;
    case 'partChanged':
      return `ファイルの中身（${error.path}）が、バックアップを作ったときと違います。壊れたか書き換えられたファイルです。何も変更していません。`;
    case 'badSignature':
      return '署名を確認できません。ファイルが書き換えられた可能性があります。何も変更していません。';
    case 'tooNew':
      return `新しい版の備えで作られたバックアップです（形式 ${error.version}）。この端末の備えを更新してから復元してください。何も変更していません。`;
    case 'wrongPassphrase':
      return 'パスフレーズが違います。署名鍵を復元するには、バックアップを作ったときのパスフレーズを入力してください。何も変更していません。';
    case 'tooBig':
      return `この端末のブラウザーの空き容量が足りません（必要 約${megabytes(error.needed)}、空き 約${megabytes(error.available)}）。何も変更していません。ディスクの空きを増やしてからやり直してください。`;
    case 'notEmpty':
      return 'この端末にはすでにデータがあります。上書きはせず、「統合して復元」を使ってください。何も変更していません。';
  }
}

/** The manifest as written: RFC 8785 canonical JSON, so the signed bytes are the file's bytes. */
export function manifestBytes(manifest: BackupManifest): Uint8Array {
  return utf8ToBytes(canonicalJson(manifest));
}

/** Completes and signs a manifest: the signer is the key's public half, the signature 64 bytes. */
export async function signManifest(
  input: BackupManifestInput,
  privateKey: PrivateKey,
): Promise<{ manifest: BackupManifest; bytes: Uint8Array; signature: Uint8Array }> {
  const publicKey = derivePublicKey(privateKey);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: LATEST_BACKUP_FORMAT_VERSION,
    ...input,
    signer: {
      alg: SIGNATURE_ALGORITHM,
      keyId: computeKeyId(publicKey),
      publicKeyPem: encodePublicKeyPem(publicKey),
    },
  };
  const bytes = manifestBytes(manifest);
  return { manifest, bytes, signature: await signBytesAsync(bytes, privateKey) };
}

/**
 * Reads and checks a manifest file: a format this code reads, a version not newer than
 * LATEST_BACKUP_FORMAT_VERSION, a valid shape, and a signature over exactly these bytes by the
 * key it names (whose fingerprint the person compares: a cleared PC trusts no key yet).
 */
export async function readManifest(
  bytes: Uint8Array,
  signature: Uint8Array,
): Promise<{ ok: true; manifest: BackupManifest } | { ok: false; error: BackupError }> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: { kind: 'damaged', detail: '目録が読めません' } };
  }
  const envelope = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT)
    return { ok: false, error: { kind: 'notBackup' } };
  if (envelope.data.version > LATEST_BACKUP_FORMAT_VERSION)
    return { ok: false, error: { kind: 'tooNew', version: envelope.data.version } };
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: { kind: 'damaged', detail: '目録の形式' } };
  const key = decodePublicKeyPem(parsed.data.signer.publicKeyPem);
  if (!key.ok || computeKeyId(key.publicKey) !== parsed.data.signer.keyId)
    return { ok: false, error: { kind: 'badSignature' } };
  if (!(await verifyBytesAsync(signature, bytes, key.publicKey)))
    return { ok: false, error: { kind: 'badSignature' } };
  return { ok: true, manifest: parsed.data };
}
