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

/**
 * Replay rule: an issuer's sequence must grow. `lastSeen` is the highest sequence already
 * imported under this `issuer.keyId` (null when none); the database part stores it. Keyed by
 * the signing key, not the self-declared stationId, so no one else can advance the counter.
 */
export function checkSequence(
  bundle: Pick<Bundle, 'sequence'>,
  lastSeen: number | null,
): { ok: true } | { ok: false; error: BundleError } {
  if (lastSeen === null || bundle.sequence > lastSeen) return { ok: true };
  return { ok: false, error: { kind: 'replayed', sequence: bundle.sequence, lastSeen } };
}
