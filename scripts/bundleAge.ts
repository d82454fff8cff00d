/**
 * `npm run bundle -- encrypt …` and `decrypt …`: age v1 files (src/exchange/age/) that the `age`
 * command reads and writes too. The passphrase is never an argument (it would stay in the shell
 * history and the process list): it is asked at the terminal, or read from standard input.
 */
import { createInterface } from 'node:readline';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decryptAge, encryptAge, isAgeFile } from '../src/exchange/age/age.ts';
import {
  describeAgeError,
  readChosenIdentityFile,
  recipientsOf,
} from '../src/exchange/age/ageFiles.ts';
import { scryptIdentity, scryptRecipient } from '../src/exchange/age/ageRecipients.ts';
import {
  passphraseStrength,
  passphraseStrengthLabels,
} from '../src/exchange/age/passphraseStrength.ts';
import { Exit, readPath, usage, writePath, type Values } from './bundleFiles.ts';

let stdinLines: Promise<string[]> | null = null;

/** All of standard input, once, as lines (a pipe: the passphrase, then its confirmation). */
function readStdinLines(): Promise<string[]> {
  stdinLines ??= new Promise((resolve) => {
    const lines: string[] = [];
    const rl = createInterface({ input: process.stdin, terminal: false });
    rl.on('line', (line) => lines.push(line));
    rl.on('close', () => resolve(lines));
  });
  return stdinLines;
}

/** Asks at the terminal without echo. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    output._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function readPassphrase(confirm: boolean): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden('パスフレーズ: ');
    if (confirm && (await askHidden('もう一度: ')) !== first)
      throw new Exit(2, 'パスフレーズが一致しません。');
    return first;
  }
  const [first = '', second] = await readStdinLines();
  if (confirm && second !== undefined && second !== first)
    throw new Exit(2, 'パスフレーズが一致しません。');
  return first;
}

const hex = (bytes: Uint8Array) => bytesToHex(sha256(bytes));

export async function encrypt(file: string | undefined, values: Values): Promise<string> {
  const { recipient = [], passphrase, out } = values;
  if (!file || !out || (recipient.length === 0) === !passphrase)
    throw usage(
      'FILE, --out と、--recipient age1…（1つ以上）か --passphrase のどちらかを指定してください。',
    );
  const plain = await readPath(file);
  let lines: string[];
  let parts: Uint8Array[];
  if (passphrase) {
    const secret = await readPassphrase(true);
    const strength = passphraseStrength(secret);
    if (strength === 'tooShort')
      throw new Exit(2, `パスフレーズが${passphraseStrengthLabels.tooShort}。`);
    parts = await encryptAge(plain, [scryptRecipient(secret)]);
    lines = [
      `パスフレーズの強さ: ${passphraseStrengthLabels[strength]}`,
      'パスフレーズはファイルとは別の経路（電話など）で伝えてください。',
    ];
  } else {
    const parsed = recipientsOf(recipient);
    if (!parsed.ok) throw new Exit(2, `age の受信者（age1…）ではありません: ${parsed.bad}`);
    parts = await encryptAge(plain, parsed.recipients);
    lines = [`宛先: ${recipient.length}件`];
  }
  const bytes = new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
  await writePath(out, bytes);
  return [
    `暗号化しました: ${out}`,
    ...lines,
    `ファイルの SHA-256: ${hex(bytes)}`,
    `中身の SHA-256: ${hex(plain)}`,
  ].join('\n');
}

export async function decrypt(file: string | undefined, values: Values): Promise<string> {
  const { identity, passphrase, out } = values;
  if (!file || !out || !identity === !passphrase)
    throw usage(
      'FILE, --out と、--identity KEYFILE か --passphrase のどちらかを指定してください。',
    );
  const sealed = await readPath(file);
  if (!isAgeFile(sealed)) throw new Exit(1, describeAgeError({ kind: 'notAge' }));
  let identities;
  if (identity) {
    const keyBytes = await readPath(identity, 1024 * 1024);
    let read = await readChosenIdentityFile(keyBytes, null);
    // An identity file kept encrypted with a passphrase (`age -p`, or the app's key backup).
    if (!read.ok && read.kind === 'needsPassphrase')
      read = await readChosenIdentityFile(keyBytes, await readPassphrase(false));
    if (!read.ok)
      throw new Exit(read.kind === 'badPassphrase' ? 1 : 2, `${identity}: ${read.message}`);
    identities = read.identities;
  } else identities = [scryptIdentity(await readPassphrase(false))];
  const result = await decryptAge(sealed, identities);
  if (!result.ok)
    throw new Exit(1, describeAgeError(result.error, identity ? 'key' : 'passphrase'));
  await writePath(out, result.value);
  return `復号しました: ${out}\n中身の SHA-256: ${hex(result.value)}`;
}
