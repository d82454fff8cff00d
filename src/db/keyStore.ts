import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from '../domain/zodLocale.ts';
import { nowIso } from '../domain/dateTime.ts';
import {
  computeKeyId,
  decodePrivateKeyPem,
  decodePublicKeyPem,
  describeKeyError,
  derivePublicKey,
  encodePrivateKeyPem,
  encodePublicKeyPem,
  formatKeyFingerprint,
  generateKeyPair,
  type KeyError,
  type PrivateKey,
} from '../exchange/keys.ts';
import { exchangeTables, type TrustedKeyRow, type TrustRole } from './exchangeTables.ts';
import { signerRoleLabels } from '../exchange/signerRoles.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { requireStation } from './station.ts';
import { currentActorName } from './operator.ts';

// DO NOT RENAME: settings key stored in IndexedDB.
const STATION_KEY_SETTING = 'stationKey';

const storedKeySchema = z.strictObject({
  privateKeyPem: z.string(),
  keyId: z.string(),
  createdAt: z.string(),
});

/** This PC's signing key, as the exchange screens need it. */
export interface StationKey {
  privateKey: PrivateKey;
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
  fingerprint: string;
  createdAt: string;
}

function toStationKey(privateKeyPem: string, createdAt: string): StationKey | null {
  const decoded = decodePrivateKeyPem(privateKeyPem);
  if (!decoded.ok) return null;
  const publicKey = derivePublicKey(decoded.privateKey);
  const keyId = computeKeyId(publicKey);
  return {
    privateKey: decoded.privateKey,
    privateKeyPem,
    publicKeyPem: encodePublicKeyPem(publicKey),
    keyId,
    fingerprint: formatKeyFingerprint(keyId),
    createdAt,
  };
}

/** The station's key pair; made (and audited) on first use, then kept in settings. */
export async function ensureStationKey(): Promise<StationKey> {
  const db = getDatabase();
  return db.transaction('rw', db.settings, db.audit, async (tx) => {
    const stored = storedKeySchema.safeParse((await db.settings.get(STATION_KEY_SETTING))?.value);
    const existing = stored.success
      ? toStationKey(stored.data.privateKeyPem, stored.data.createdAt)
      : null;
    if (existing) return existing;
    const station = await requireStation(tx);
    const { privateKey } = generateKeyPair();
    const key = toStationKey(encodePrivateKeyPem(privateKey), nowIso())!;
    await db.settings.put({
      key: STATION_KEY_SETTING,
      value: { privateKeyPem: key.privateKeyPem, keyId: key.keyId, createdAt: key.createdAt },
    });
    await appendAudit(station, {
      at: key.createdAt,
      action: 'settings',
      summary: `この端末の署名鍵を作成（指紋 ${key.fingerprint}）`,
    });
    return key;
  });
}

/** Puts back a station key restored from a backup (replacing the current one), audited. */
export async function replaceStationKey(privateKey: PrivateKey): Promise<StationKey> {
  const db = getDatabase();
  const key = toStationKey(encodePrivateKeyPem(privateKey), nowIso())!;
  await db.transaction('rw', db.settings, db.audit, async (tx) => {
    const station = await requireStation(tx);
    await db.settings.put({
      key: STATION_KEY_SETTING,
      value: { privateKeyPem: key.privateKeyPem, keyId: key.keyId, createdAt: key.createdAt },
    });
    await appendAudit(station, {
      at: key.createdAt,
      action: 'settings',
      summary: `この端末の署名鍵をバックアップから復元（指紋 ${key.fingerprint}）`,
    });
  });
  return key;
}

/** The stored station key, or null when none was made yet (read-only, for live queries). */
export async function loadStationKey(): Promise<StationKey | null> {
  const stored = storedKeySchema.safeParse(
    (await getDatabase().settings.get(STATION_KEY_SETTING))?.value,
  );
  return stored.success ? toStationKey(stored.data.privateKeyPem, stored.data.createdAt) : null;
}

/** Live station key; makes it on first use (live queries may not write, so that is an effect). */
export function useStationKey(): StationKey | null | undefined {
  const key = useLiveQuery(loadStationKey, []);
  useEffect(() => {
    // Before first-run setup there is no station to audit the key under: wait for it.
    if (key === null) ensureStationKey().catch(() => undefined);
  }, [key]);
  return key;
}

export type TrustKeyResult =
  | { ok: true; key: TrustedKeyRow }
  | { ok: false; error: KeyError | { kind: 'fingerprintMismatch' } | { kind: 'ownKey' } };

/**
 * Trusts a public key for `role`, but only when the person typed (or ticked) the fingerprint
 * they confirmed with the key's owner; the decision is audited. Re-trusting a key updates it.
 */
export async function trustKey(input: {
  publicKeyPem: string;
  label: string;
  role: TrustRole;
  confirmedFingerprint: string;
}): Promise<TrustKeyResult> {
  const decoded = decodePublicKeyPem(input.publicKeyPem);
  if (!decoded.ok) return decoded;
  const keyId = computeKeyId(decoded.publicKey);
  const fingerprint = formatKeyFingerprint(keyId);
  const digits = (s: string) => s.normalize('NFKC').replace(/[^0-9]/g, '');
  if (digits(input.confirmedFingerprint) !== digits(fingerprint))
    return { ok: false, error: { kind: 'fingerprintMismatch' } };
  const db = getDatabase();
  const { trustedKeys } = exchangeTables(db);
  const own = storedKeySchema.safeParse((await db.settings.get(STATION_KEY_SETTING))?.value);
  if (own.success && own.data.keyId === keyId) return { ok: false, error: { kind: 'ownKey' } };
  return db.transaction('rw', trustedKeys, db.settings, db.audit, async (tx) => {
    const station = await requireStation(tx);
    const row: TrustedKeyRow = {
      keyId,
      publicKeyPem: encodePublicKeyPem(decoded.publicKey),
      label: input.label.trim() || '名前なし',
      role: input.role,
      addedAt: nowIso(),
      addedBy: currentActorName(station),
      source: 'user',
    };
    await trustedKeys.put(row);
    await appendAudit(station, {
      at: row.addedAt,
      action: 'settings',
      summary: `鍵「${row.label}」を信頼（役割「${signerRoleLabels[row.role]}」、指紋 ${fingerprint} を確認）`,
    });
    return { ok: true as const, key: row };
  });
}

/** Stops trusting a key (audited). Records it signed before stay. */
export async function removeTrustedKey(keyId: string): Promise<void> {
  const db = getDatabase();
  const { trustedKeys } = exchangeTables(db);
  await db.transaction('rw', trustedKeys, db.settings, db.audit, async (tx) => {
    const station = await requireStation(tx);
    const row = await trustedKeys.get(keyId);
    if (!row) return;
    await trustedKeys.delete(keyId);
    await appendAudit(station, {
      action: 'settings',
      summary: `鍵「${row.label}」の信頼を取り消し（指紋 ${formatKeyFingerprint(keyId)}）`,
    });
  });
}

/** Keys trusted on this PC (not those of the deployment config). */
export async function listTrustedKeys(): Promise<TrustedKeyRow[]> {
  return exchangeTables(getDatabase()).trustedKeys.toArray();
}

export function useTrustedKeys(): TrustedKeyRow[] | undefined {
  return useLiveQuery(listTrustedKeys, []);
}

/** Japanese reason for a failed trustKey. */
export function describeTrustKeyError(
  error: Extract<TrustKeyResult, { ok: false }>['error'],
): string {
  if (error.kind === 'fingerprintMismatch')
    return '入力された指紋が鍵の指紋と一致しません。相手に電話などで指紋を読み上げてもらい、もう一度確認してください。';
  if (error.kind === 'ownKey')
    return 'この端末自身の鍵です。信頼する鍵として登録する必要はありません。';
  return `鍵を登録できません: ${describeKeyError(error)}`;
}
