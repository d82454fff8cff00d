import type { BundleError } from './bundleErrors.ts';
import type { Bundle } from './bundleFormat.ts';
import type { BundleRecord } from './bundleRecord.ts';
import {
  computeKeyId,
  decodePublicKeyPem,
  formatKeyFingerprint,
  type KeyError,
  type PublicKey,
} from './keys.ts';
import { allowedRecordTypes, type SignerRole } from './signerRoles.ts';

/**
 * A public key the receiving station has decided to trust, after checking its fingerprint by
 * phone. Stored by the database part; `keyId` is always derived from `publicKey`.
 */
export interface TrustedKey {
  keyId: string;
  publicKey: PublicKey;
  /** Whose key it is, in the receiver's words: 「情報政策課」「市民課 窓口」. */
  label: string;
  role: SignerRole;
}

export function createTrustedKey(
  publicKey: PublicKey,
  label: string,
  role: SignerRole,
): TrustedKey {
  return { keyId: computeKeyId(publicKey), publicKey, label, role };
}

/** A trusted key from a PEM public key file (as the CLI and the settings screen receive it). */
export function trustedKeyFromPem(
  pem: string,
  label: string,
  role: SignerRole,
): { ok: true; key: TrustedKey } | { ok: false; error: KeyError } {
  const parsed = decodePublicKeyPem(pem);
  if (!parsed.ok) return parsed;
  return { ok: true, key: createTrustedKey(parsed.publicKey, label, role) };
}

/**
 * The trusted key that `bundle` names, or `untrustedKey` with the fingerprint to read out.
 * Does not verify the signature (verifyBundleSignature does); parseBundle does both.
 */
export function checkTrust(
  bundle: Pick<Bundle, 'issuer'>,
  trustedKeys: readonly TrustedKey[],
): { ok: true; key: TrustedKey } | { ok: false; error: BundleError } {
  const { keyId, label } = bundle.issuer;
  // Recompute each id rather than trust a stored one: a mislabelled row must not match.
  const key = trustedKeys.find((candidate) => computeKeyId(candidate.publicKey) === keyId);
  if (key) return { ok: true, key };
  return {
    ok: false,
    error: {
      kind: 'untrustedKey',
      keyId,
      fingerprint: formatKeyFingerprint(keyId),
      issuerLabel: label,
    },
  };
}

/**
 * The records a signer with `role` may not write, one refusal each (empty when all are
 * allowed). The IT section may send every type; a department only incident records.
 */
export function checkRoles(
  records: readonly Pick<BundleRecord, 'type' | 'id'>[],
  role: SignerRole,
): Extract<BundleError, { kind: 'roleNotAllowed' }>[] {
  const allowed = allowedRecordTypes(role);
  const refusals: Extract<BundleError, { kind: 'roleNotAllowed' }>[] = [];
  records.forEach(({ type, id }, index) => {
    if (!allowed.includes(type)) refusals.push({ kind: 'roleNotAllowed', role, index, type, id });
  });
  return refusals;
}

/** A file in the receiver's import history (取り込み履歴), as the replay rule reads it. */
export interface ImportedFile {
  sha256: string;
  at: string;
  fileName: string;
  /** Set when 「取り込み前に戻す」 undid the import: the file no longer counts as imported. */
  undoneAt?: string;
}

/**
 * Replay rule: a file is a replay when the same bytes (SHA-256) were already imported here and
 * not undone; re-importing it would change nothing, so it is refused as 「変更なし」. The
 * sequence number never refuses a file: a late, out-of-order or restarted-counter file (a PC
 * replaced and its key restored) is merged like any other, and the merge (idempotent, by
 * revisions) shows a file whose revisions are all known as 「変更なし」. The sequence is kept
 * for display and ordering only. `imported` is the history rows with this file's SHA-256.
 */
export function checkReplay(
  sha256: string,
  imported: readonly ImportedFile[],
): { ok: true } | { ok: false; error: BundleError } {
  const live = imported.find((row) => row.sha256 === sha256 && !row.undoneAt);
  if (!live) return { ok: true };
  return {
    ok: false,
    error: { kind: 'alreadyImported', importedAt: live.at, fileName: live.fileName },
  };
}
