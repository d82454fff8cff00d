import { decryptAge, encryptAge } from '../exchange/age/age.ts';
import {
  describeAgeError,
  formatAgeIdentityFile,
  readAgeIdentityFile,
} from '../exchange/age/ageFiles.ts';
import {
  DEFAULT_SCRYPT_WORK_FACTOR,
  recipientOfIdentity,
  scryptIdentity,
  scryptRecipient,
  type AgeIdentity,
} from '../exchange/age/ageRecipients.ts';
import { nowIso } from '../domain/dateTime.ts';
import { appendAudit } from './auditTrail.ts';
import { joinBytes } from '../exchange/age/ageStream.ts';
import { getDatabase } from './instance.ts';
import { requireStation } from './station.ts';

/**
 * The IT section's age identity (`AGE-SECRET-KEY-1…`), which opens bundles encrypted to it.
 * It is stored only as an age passphrase file (scrypt), the same file `age -p` writes, so it is
 * never in clear in IndexedDB and its backup opens with `age -d` alone. Unlocked, it is kept in
 * this page's memory only (a reload asks for the passphrase again).
 */

// DO NOT RENAME: settings key stored in IndexedDB.
const IDENTITY_KEY = 'ageIdentity';

export interface AgeIdentityInfo {
  /** The `age1…` recipient departments encrypt to. */
  recipient: string;
  createdAt: string;
  source: 'generated' | 'imported';
}

interface StoredAgeIdentity extends AgeIdentityInfo {
  /** The identity file, encrypted with the passphrase (an age scrypt file). */
  sealed: Uint8Array;
}

let unlocked: { recipient: string; identity: AgeIdentity } | null = null;

/** The stored identity's public facts, or null when this station has none. */
export async function loadAgeIdentityInfo(): Promise<AgeIdentityInfo | null> {
  const row = (await getDatabase().settings.get(IDENTITY_KEY))?.value as
    StoredAgeIdentity | undefined;
  if (!row) return null;
  const { recipient, createdAt, source } = row;
  return { recipient, createdAt, source };
}

/**
 * Stores an identity (one `AGE-SECRET-KEY-1…`, as typed or from age-keygen's file) under a
 * passphrase, replacing any other, with an audit entry. Returns null and stores nothing when
 * the text holds no single identity.
 */
export async function saveAgeIdentity(
  identityText: string,
  passphrase: string,
  source: AgeIdentityInfo['source'],
  options: { workFactor?: number } = {},
): Promise<AgeIdentityInfo | null> {
  const read = readAgeIdentityFile(identityText);
  if (!read || read.keys.length !== 1) return null;
  const key = read.keys[0]!;
  const recipient = recipientOfIdentity(key)!;
  const createdAt = nowIso();
  const file = new TextEncoder().encode(formatAgeIdentityFile(key, recipient, createdAt));
  const sealed = joinBytes(
    await encryptAge(file, [
      scryptRecipient(passphrase, options.workFactor ?? DEFAULT_SCRYPT_WORK_FACTOR),
    ]),
  );
  const row: StoredAgeIdentity = { recipient, createdAt, source, sealed };
  const db = getDatabase();
  await db.transaction('rw', db.settings, db.audit, async (tx) => {
    const station = await requireStation(tx);
    await db.settings.put({ key: IDENTITY_KEY, value: row });
    await appendAudit(station, {
      action: 'settings',
      summary: `暗号化ファイルを開く鍵（age）を${source === 'generated' ? '作成' : '登録'}: ${recipient}`,
    });
  });
  unlocked = { recipient, identity: read.identities[0]! };
  return { recipient, createdAt, source };
}

/** Opens the stored identity with its passphrase; it stays open for this page. */
export async function unlockAgeIdentity(
  passphrase: string,
): Promise<{ ok: true; identity: AgeIdentity } | { ok: false; message: string }> {
  const row = (await getDatabase().settings.get(IDENTITY_KEY))?.value as
    StoredAgeIdentity | undefined;
  if (!row) return { ok: false, message: 'この端末には暗号化ファイルを開く鍵がありません。' };
  if (unlocked?.recipient === row.recipient) return { ok: true, identity: unlocked.identity };
  const opened = await decryptAge(row.sealed, [scryptIdentity(passphrase)]);
  if (!opened.ok) return { ok: false, message: describeAgeError(opened.error, 'passphrase') };
  const read = readAgeIdentityFile(new TextDecoder().decode(opened.value));
  if (!read) return { ok: false, message: '保存されている鍵が壊れています。' };
  unlocked = { recipient: row.recipient, identity: read.identities[0]! };
  return { ok: true, identity: unlocked.identity };
}

/** The identity if it was unlocked on this page, else null. */
export function unlockedAgeIdentity(): AgeIdentity | null {
  return unlocked?.identity ?? null;
}

/**
 * Removes the stored identity from this station (a PC handed over, a key replaced elsewhere),
 * with an audit entry. Files encrypted to it then open only with another copy of the key.
 */
export async function removeAgeIdentity(): Promise<boolean> {
  const db = getDatabase();
  const removed = await db.transaction('rw', db.settings, db.audit, async (tx) => {
    const row = (await db.settings.get(IDENTITY_KEY))?.value as StoredAgeIdentity | undefined;
    if (!row) return false;
    const station = await requireStation(tx);
    await db.settings.delete(IDENTITY_KEY);
    await appendAudit(station, {
      action: 'settings',
      summary: `暗号化ファイルを開く鍵（age）をこの端末から削除: ${row.recipient}`,
    });
    return true;
  });
  unlocked = null;
  return removed;
}

/** Forgets the unlocked identity (設定「鍵を閉じる」, tests). */
export function lockAgeIdentity(): void {
  unlocked = null;
}

/** The stored passphrase file itself: the key's backup, which `age -d` opens with the passphrase. */
export async function ageIdentityBackup(): Promise<Uint8Array | null> {
  const row = (await getDatabase().settings.get(IDENTITY_KEY))?.value as
    StoredAgeIdentity | undefined;
  return row?.sealed ?? null;
}
