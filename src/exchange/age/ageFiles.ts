import { decryptAge, isAgeFile } from './age.ts';
import type { AgeError } from './ageErrors.ts';
import {
  parseAgeIdentity,
  parseAgeRecipient,
  scryptIdentity,
  x25519Identity,
  x25519Recipient,
  type AgeIdentity,
  type AgeRecipient,
} from './ageRecipients.ts';

/**
 * What the app and `npm run bundle` share around age: the file name, key files in age's own
 * text format, and one Japanese sentence per error.
 */

/** An encrypted bundle is the signed bundle's name plus this: `….sonae.json.age`. */
export const AGE_FILE_SUFFIX = '.age';

/** The X25519 recipients of `age1…` strings, or the first string that is not one. */
export function recipientsOf(
  texts: readonly string[],
): { ok: true; recipients: AgeRecipient[] } | { ok: false; bad: string } {
  const recipients: AgeRecipient[] = [];
  for (const text of texts) {
    const publicKey = parseAgeRecipient(text);
    if (!publicKey) return { ok: false, bad: text };
    recipients.push(x25519Recipient(publicKey));
  }
  return { ok: true, recipients };
}

/**
 * The identities of an age identity file as age-keygen writes it: `AGE-SECRET-KEY-1…` lines,
 * `#` comments and blank lines. Null when a line is anything else or there is no key.
 */
export function readAgeIdentityFile(
  text: string,
): { identities: AgeIdentity[]; keys: string[] } | null {
  const keys: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!parseAgeIdentity(line) || line !== line.toUpperCase()) return null;
    keys.push(line);
  }
  if (keys.length === 0) return null;
  return { identities: keys.map((key) => x25519Identity(parseAgeIdentity(key)!)), keys };
}

/** A key file as chosen by a person (`npm run bundle -- decrypt --identity`, the checker page). */
export type ChosenIdentityFile =
  | { ok: true; identities: AgeIdentity[] }
  /** `needsPassphrase`: the key file is itself encrypted (`age -p`, the app's key backup). */
  | { ok: false; kind: 'needsPassphrase' | 'badPassphrase' | 'notIdentityFile'; message: string };

export const NOT_AN_IDENTITY_FILE = 'age の秘密鍵（AGE-SECRET-KEY-1…）のファイルではありません。';

/**
 * The identities of a key file: age-keygen's text, or that text encrypted with a passphrase
 * (`passphrase` null until the person has given it).
 */
export async function readChosenIdentityFile(
  bytes: Uint8Array,
  passphrase: string | null,
): Promise<ChosenIdentityFile> {
  let text = bytes;
  if (isAgeFile(bytes)) {
    if (passphrase === null)
      return {
        ok: false,
        kind: 'needsPassphrase',
        message:
          'この鍵ファイルはパスフレーズで暗号化されています。鍵のパスフレーズを入力してください。',
      };
    const opened = await decryptAge(bytes, [scryptIdentity(passphrase)]);
    if (!opened.ok)
      return {
        ok: false,
        kind: 'badPassphrase',
        message: describeAgeError(opened.error, 'passphrase'),
      };
    text = opened.value;
  }
  const read = readAgeIdentityFile(new TextDecoder().decode(text));
  return read
    ? { ok: true, identities: read.identities }
    : { ok: false, kind: 'notIdentityFile', message: NOT_AN_IDENTITY_FILE };
}

/** The identity file we write: age-keygen's layout, so `age -d -i` reads it. */
export function formatAgeIdentityFile(identity: string, recipient: string, createdAt: string) {
  return `# created: ${createdAt}\n# public key: ${recipient}\n${identity}\n`;
}

/** One plain Japanese sentence for an age error; `noMatch` depends on what was tried. */
export function describeAgeError(error: AgeError, tried: 'key' | 'passphrase' = 'key'): string {
  switch (error.kind) {
    case 'notAge':
      return 'age で暗号化されたファイルではありません。';
    case 'unsupportedVersion':
      return `この版の Sonae では読めない暗号化形式です（age-encryption.org/${error.version}）。`;
    case 'armor':
      return `暗号化ファイルの文字表現（ASCII armor）が壊れています（${error.detail}）。`;
    case 'header':
      return `暗号化ファイルのヘッダーが壊れています（${error.detail}）。途中で切れているか、書き換えられています。`;
    case 'workFactor':
      return `パスフレーズの計算量（作業係数 ${error.logN}）が大きすぎるため、開けません。`;
    case 'noMatch':
      if (error.stanzaTypes.includes('scrypt'))
        return tried === 'passphrase'
          ? 'パスフレーズが違います。'
          : 'このファイルはパスフレーズで暗号化されています。パスフレーズを入力してください。';
      return tried === 'passphrase'
        ? 'このファイルは鍵あての暗号化ファイルです。パスフレーズでは開けません。'
        : 'このファイルは別の宛先あての暗号化ファイルです。持っている鍵では復号できません。';
    case 'hmac':
      return '暗号化ファイルのヘッダーが書き換えられています（HMAC が一致しません）。';
    case 'payload':
      return `暗号化ファイルの本文が壊れています（${error.detail}）。途中で切れているか、書き換えられています。`;
  }
}
