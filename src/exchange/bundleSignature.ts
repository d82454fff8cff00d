import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../domain/revision.ts';
import { decodeBase64Url, encodeBase64Url } from './base64.ts';
import { SIGNATURE_ALGORITHM, type Bundle, type UnsignedBundle } from './bundleFormat.ts';
import {
  computeKeyId,
  derivePublicKey,
  signBytes,
  verifyBytes,
  type PrivateKey,
  type PublicKey,
} from './keys.ts';

/**
 * The bytes a bundle signature covers: UTF-8 of the RFC 8785 (JCS) canonical JSON of the whole
 * envelope without its `signature` member. Whitespace and member order in the file therefore
 * do not matter; every value does.
 */
export function canonicalBundleBytes(
  bundle: UnsignedBundle | Bundle | Record<string, unknown>,
): Uint8Array {
  const { signature: _signature, ...unsigned } = bundle as Record<string, unknown>;
  return utf8ToBytes(canonicalJson(unsigned));
}

/**
 * Signs a bundle: sets `issuer.keyId` to the key's thumbprint and adds the signature.
 * NOTE: signs whatever it is given; build the bundle with createBundle, which validates it.
 */
export function signBundle(unsigned: UnsignedBundle | Bundle, privateKey: PrivateKey): Bundle {
  const keyId = computeKeyId(derivePublicKey(privateKey));
  const { signature: _old, ...rest } = unsigned as Bundle;
  const toSign = { ...rest, issuer: { ...rest.issuer, keyId } };
  const value = encodeBase64Url(signBytes(canonicalBundleBytes(toSign), privateKey));
  return { ...toSign, signature: { alg: SIGNATURE_ALGORITHM, keyId, value } };
}

/** The raw 64 signature bytes, or null when the value is not canonical Base64url of 64 bytes. */
export function decodeSignatureValue(signature: { value: string }): Uint8Array | null {
  const bytes = decodeBase64Url(signature.value);
  return bytes?.length === 64 ? bytes : null;
}

/**
 * True when the signature is valid for `publicKey` and both key ids name that key.
 * Works on any object (a parsed file as well as a Bundle), so tampering tests can use it.
 */
export function verifyBundleSignature(bundle: Bundle, publicKey: PublicKey): boolean {
  const keyId = computeKeyId(publicKey);
  if (bundle.signature?.alg !== SIGNATURE_ALGORITHM) return false;
  if (bundle.signature.keyId !== keyId || bundle.issuer?.keyId !== keyId) return false;
  const signature = decodeSignatureValue(bundle.signature);
  if (!signature) return false;
  return verifyBytes(signature, canonicalBundleBytes(bundle), publicKey);
}
