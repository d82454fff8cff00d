import { cbc } from '@noble/ciphers/aes.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import {
  derElement,
  derInteger,
  derOid,
  isDerEqual,
  readDer,
  readDerChildren,
  readDerInteger,
  TAG,
} from './der.ts';
import { decodePem, encodePem } from './pem.ts';
import { readPkcs8, writePkcs8, type KeyError, type PrivateKey } from './keys.ts';

/**
 * Passphrase-protected backup of a private key as a standard PKCS#8 EncryptedPrivateKeyInfo
 * (RFC 5958) with PBES2 (RFC 8018): PBKDF2-HMAC-SHA256 + AES-256-CBC. This is what
 * `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes, so OpenSSL reads our backups
 * (`openssl pkey -in backup.pem`) and we read OpenSSL's. All pure JS (no crypto.subtle on
 * plain-HTTP origins); the KDF runs asynchronously so the page stays responsive.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 2 s in pure JS on an office PC. */
export const DEFAULT_BACKUP_ITERATIONS = 600_000;
// Refuse absurd counts in files we read: they would freeze the browser for hours.
const MAX_ITERATIONS = 10_000_000;

const OID = {
  pbes2: derOid('1.2.840.113549.1.5.13'),
  pbkdf2: derOid('1.2.840.113549.1.5.12'),
  hmacWithSha256: derOid('1.2.840.113549.2.9'),
  aes256Cbc: derOid('2.16.840.1.101.3.4.1.42'),
};
const SUPPORTED = 'PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC のみ対応';

type BackupResult = { ok: true; privateKey: PrivateKey } | { ok: false; error: KeyError };

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number) {
  // The passphrase is used as typed (UTF-8, no normalisation) so OpenSSL derives the same key.
  return pbkdf2Async(sha256, passphrase, salt, { c: iterations, dkLen: 32 });
}

/** Encrypts the private key with a passphrase → PEM "ENCRYPTED PRIVATE KEY". */
export async function encryptPrivateKeyPem(
  privateKey: PrivateKey,
  passphrase: string,
  options: { iterations?: number } = {},
): Promise<string> {
  if (passphrase.length === 0) throw new Error('empty passphrase');
  const iterations = options.iterations ?? DEFAULT_BACKUP_ITERATIONS;
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = await deriveKey(passphrase, salt, iterations);
  const encrypted = cbc(key, iv).encrypt(writePkcs8(privateKey));
  const prf = derElement(TAG.sequence, OID.hmacWithSha256, derElement(TAG.null));
  const kdfParams = derElement(
    TAG.sequence,
    derElement(TAG.octetString, salt),
    derInteger(iterations),
    prf,
  );
  const kdf = derElement(TAG.sequence, OID.pbkdf2, kdfParams);
  const cipher = derElement(TAG.sequence, OID.aes256Cbc, derElement(TAG.octetString, iv));
  const algorithm = derElement(TAG.sequence, OID.pbes2, derElement(TAG.sequence, kdf, cipher));
  const info = derElement(TAG.sequence, algorithm, derElement(TAG.octetString, encrypted));
  return encodePem('ENCRYPTED PRIVATE KEY', info);
}

interface Pbes2Params {
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  encrypted: Uint8Array;
}

/** Reads the PBES2 parameters we support, or a reason why not. */
function readPbes2(der: Uint8Array): Pbes2Params | string {
  const info = readDer(der);
  const [algorithm, data] = (info?.tag === TAG.sequence && readDerChildren(info.contents)) || [];
  if (!algorithm || data?.tag !== TAG.octetString) return '構造が正しくありません';
  const [oid, params] = readDerChildren(algorithm.contents) ?? [];
  if (!isDerEqual(oid, OID.pbes2) || !params) return 'PBES2 ではありません';
  const [kdf, cipher] = readDerChildren(params.contents) ?? [];
  const [kdfOid, kdfParams] = (kdf && readDerChildren(kdf.contents)) || [];
  if (!isDerEqual(kdfOid, OID.pbkdf2) || !kdfParams) return 'PBKDF2 ではありません';
  const [saltEl, iterEl, ...rest] = readDerChildren(kdfParams.contents) ?? [];
  // Optional keyLength (must be 32 for AES-256), then the PRF; an absent PRF means HMAC-SHA1.
  const prf = rest[0]?.tag === TAG.integer ? rest[1] : rest[0];
  if (rest[0]?.tag === TAG.integer && readDerInteger(rest[0]) !== 32)
    return '鍵長が正しくありません';
  const [prfOid, prfParam] = (prf && readDerChildren(prf.contents)) || [];
  if (!isDerEqual(prfOid, OID.hmacWithSha256)) return 'HMAC-SHA256 ではありません';
  if (prfParam && prfParam.tag !== TAG.null) return 'PRF のパラメータが正しくありません';
  const iterations = readDerInteger(iterEl);
  if (saltEl?.tag !== TAG.octetString || iterations === null)
    return 'PBKDF2 のパラメータが正しくありません';
  if (iterations < 1 || iterations > MAX_ITERATIONS) return `反復回数 ${iterations} は扱えません`;
  const [cipherOid, ivEl] = (cipher && readDerChildren(cipher.contents)) || [];
  if (!isDerEqual(cipherOid, OID.aes256Cbc)) return 'AES-256-CBC ではありません';
  if (ivEl?.tag !== TAG.octetString || ivEl.contents.length !== 16) return 'IV が正しくありません';
  return { salt: saltEl.contents, iterations, iv: ivEl.contents, encrypted: data.contents };
}

/** Decrypts a PEM "ENCRYPTED PRIVATE KEY" (ours or OpenSSL's) with the passphrase. */
export async function decryptPrivateKeyPem(
  text: string,
  passphrase: string,
): Promise<BackupResult> {
  const pem = decodePem(text);
  if (!pem) return { ok: false, error: { kind: 'notPem' } };
  if (pem.label !== 'ENCRYPTED PRIVATE KEY')
    return {
      ok: false,
      error: { kind: 'wrongKeyFile', expected: 'ENCRYPTED PRIVATE KEY', found: pem.label },
    };
  const params = readPbes2(pem.der);
  if (typeof params === 'string')
    return {
      ok: false,
      error: { kind: 'unsupportedEncryption', detail: `${params}。${SUPPORTED}` },
    };
  if (params.encrypted.length === 0 || params.encrypted.length % 16 !== 0)
    return {
      ok: false,
      error: { kind: 'unsupportedEncryption', detail: '暗号文の長さが正しくありません' },
    };
  const key = await deriveKey(passphrase, params.salt, params.iterations);
  let plain: Uint8Array;
  try {
    plain = cbc(key, params.iv).decrypt(params.encrypted);
  } catch {
    // CBC has no MAC: a wrong passphrase shows up as broken padding (255 times in 256)…
    return { ok: false, error: { kind: 'wrongPassphrase' } };
  }
  const privateKey = readPkcs8(plain);
  if (privateKey) return { ok: true, privateKey };
  // …or, rarely, as garbage that is not DER. Well-formed DER of another algorithm is not ours.
  const inner = readDer(plain);
  const wellFormed = inner?.tag === TAG.sequence && inner.end === plain.length;
  return { ok: false, error: { kind: wellFormed ? 'notEd25519' : 'wrongPassphrase' } };
}
