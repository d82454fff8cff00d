import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decryptAge, openAge } from '../exchange/age/age.ts';
import { describeAgeError, readChosenIdentityFile } from '../exchange/age/ageFiles.ts';
import { scryptIdentity } from '../exchange/age/ageRecipients.ts';

/**
 * Encrypted bundles (`.sonae.json.age`) in the standalone checker: an auditor on a Windows PC
 * without the `age` command opens one with the IT section's key file (保管鍵, or the app's key
 * backup and its passphrase) or the file's passphrase, in the page, then checks the bundle
 * inside as any other. Nothing is written anywhere. No DOM here (tests/unit/verifier/).
 */

/** What opening the file asks for: its passphrase, or a key file that is one of its recipients. */
export type SealedNeed = 'passphrase' | 'keyFile';

/** Reads the header only: what the file needs, or why it cannot be opened at all. */
export async function sealedNeedOf(
  bytes: Uint8Array,
): Promise<{ ok: true; need: SealedNeed } | { ok: false; message: string }> {
  const opened = await openAge(bytes, []);
  if (opened.ok || opened.error.kind !== 'noMatch')
    return { ok: false, message: opened.ok ? '' : describeAgeError(opened.error) };
  return { ok: true, need: opened.error.stanzaTypes.includes('scrypt') ? 'passphrase' : 'keyFile' };
}

export interface UnlockInput {
  /** The file's own passphrase (need 'passphrase'). */
  passphrase?: string;
  /** The key file's bytes (need 'keyFile'), and its passphrase when it is encrypted itself. */
  keyFile?: Uint8Array;
  keyPassphrase?: string;
}

export type Unlocked =
  | { ok: true; bytes: Uint8Array; encryptedSha256: string }
  /** `askKeyPassphrase`: the key file is encrypted, and its passphrase is missing or wrong. */
  | { ok: false; message: string; askKeyPassphrase?: boolean };

/** Decrypts the file in memory with what the person gave; one sentence when it does not open. */
export async function unlockSealedBundle(bytes: Uint8Array, input: UnlockInput): Promise<Unlocked> {
  let identities;
  if (input.keyFile) {
    const read = await readChosenIdentityFile(input.keyFile, input.keyPassphrase || null);
    if (!read.ok)
      return {
        ok: false,
        message: read.message,
        askKeyPassphrase: read.kind !== 'notIdentityFile',
      };
    identities = read.identities;
  } else if (input.passphrase) identities = [scryptIdentity(input.passphrase)];
  else
    return {
      ok: false,
      message:
        input.passphrase === undefined
          ? '鍵ファイルを選んでください。'
          : 'パスフレーズを入力してください。',
    };
  const opened = await decryptAge(bytes, identities);
  if (!opened.ok)
    return {
      ok: false,
      message: describeAgeError(opened.error, input.keyFile ? 'key' : 'passphrase'),
    };
  return { ok: true, bytes: opened.value, encryptedSha256: bytesToHex(sha256(bytes)) };
}
