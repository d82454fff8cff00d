/**
 * Bundle tool for the IT section and for tests, sharing src/exchange with the app:
 *   npm run bundle -- <command> …   (`help`, `--help` or `-h` for the usage text, bundleHelp.ts;
 *   `encrypt`/`decrypt` with age are in bundleAge.ts)
 * Relative paths count from the folder the command was typed in, not the project root npm
 * runs scripts in.
 * Exit codes: 0 success (verify: valid and trusted), 1 the file is invalid, tampered or
 * untrusted (one Japanese line on stderr), 2 usage error or unreadable path.
 * Nothing from a file reaches the terminal raw: control characters and bidi overrides in labels,
 * names and ids are printed as `\u001b` (src/exchange/safeText.ts), so a file cannot erase a
 * refusal and paint its own verdict.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { recordTypeLabels, recordTypes } from '../src/domain/recordTypes.ts';
import { MAX_BUNDLE_BYTES } from '../src/exchange/bundleFormat.ts';
import { describeBundleError } from '../src/exchange/bundleErrors.ts';
import { decodeBundleJson } from '../src/exchange/bundleJson.ts';
import {
  canonicalBundleBytes,
  decodeSignatureValue,
  signBundle,
} from '../src/exchange/bundleSignature.ts';
import { serializeBundle, summarizeBundle } from '../src/exchange/createBundle.ts';
import {
  computeKeyId,
  decodePrivateKeyPem,
  decodePublicKeyPem,
  derivePublicKey,
  describeKeyError,
  encodePrivateKeyPem,
  encodePublicKeyPem,
  formatKeyFingerprint,
  generateKeyPair,
} from '../src/exchange/keys.ts';
import {
  parseBundle,
  readUnsignedBundle,
  readUnverifiedBundle,
} from '../src/exchange/parseBundle.ts';
import {
  escapeControlCharacters as shown,
  escapeTerminalOutput,
} from '../src/exchange/safeText.ts';
import { decrypt, encrypt } from './bundleAge.ts';
import { commandText, isCommandName, overviewText, type CommandName } from './bundleHelp.ts';
import {
  Exit,
  invalid,
  readBundleFile,
  readText,
  readTrustedKeys,
  resolvePaths,
  usage,
  writePath,
  type Values,
} from './bundleFiles.ts';

/** The public key in a PEM public key file, or derived from a PEM private key file. */
function publicKeyOfPem(text: string) {
  const asPublic = decodePublicKeyPem(text);
  if (
    asPublic.ok ||
    asPublic.error.kind !== 'wrongKeyFile' ||
    asPublic.error.found !== 'PRIVATE KEY'
  )
    return asPublic;
  const asPrivate = decodePrivateKeyPem(text);
  return asPrivate.ok
    ? { ok: true as const, publicKey: derivePublicKey(asPrivate.privateKey) }
    : asPrivate;
}

type Command = (file: string | undefined, values: Values) => Promise<string>;

const commands: Record<Exclude<CommandName, 'help'>, Command> = {
  async keygen(_file, { out, force }) {
    if (!out) throw usage('--out DIR を指定してください。');
    const privatePath = path.join(out, 'private.pem');
    const publicPath = path.join(out, 'public.pem');
    const exists = await stat(privatePath).then(
      () => true,
      () => false,
    );
    if (exists && !force)
      throw new Exit(2, `${privatePath} は既にあります。上書きするには --force を付けてください。`);
    await mkdir(out, { recursive: true }).catch(() => undefined);
    const { privateKey, publicKey } = generateKeyPair();
    await writePath(privatePath, encodePrivateKeyPem(privateKey), 0o600);
    await writePath(publicPath, encodePublicKeyPem(publicKey));
    const keyId = computeKeyId(publicKey);
    return `鍵ペアを作成しました: ${privatePath}（秘密鍵・厳重に保管）, ${publicPath}（公開鍵・配布用）\n鍵ID: ${keyId}\n指紋: ${formatKeyFingerprint(keyId)}`;
  },

  async sign(file, { key, out }) {
    if (!file || !key || !out) throw usage('FILE, --key, --out を指定してください。');
    const parsedKey = decodePrivateKeyPem(await readText(key));
    if (!parsedKey.ok) throw new Exit(1, `${key}: ${describeKeyError(parsedKey.error)}`);
    const read = readUnsignedBundle(await readBundleFile(file));
    if (!read.ok) throw invalid(read.error);
    const signed = signBundle(read.bundle, parsedKey.privateKey);
    await writePath(out, serializeBundle(signed));
    return `署名しました: ${out}（鍵の指紋 ${formatKeyFingerprint(signed.issuer.keyId)}）`;
  },

  async verify(file, { trust = [] }) {
    if (!file || trust.length === 0) throw usage('FILE と --trust PUBLIC.pem を指定してください。');
    const trustedKeys = await readTrustedKeys(trust);
    const parsed = parseBundle(await readBundleFile(file), { trustedKeys });
    if (!parsed.ok) throw invalid(parsed.error);
    return `有効: 信頼する鍵（${shown(parsed.signer.label)}、指紋 ${formatKeyFingerprint(parsed.signer.keyId)}）で正しく署名されています。`;
  },

  async inspect(file, { trust = [] }) {
    if (!file) throw usage('FILE を指定してください。');
    const bytes = await readBundleFile(file);
    const trustedKeys = await readTrustedKeys(trust);
    const read = readUnverifiedBundle(bytes);
    if (!read.ok) throw invalid(read.error);
    const summary = summarizeBundle(read.bundle);
    const verified = trust.length > 0 ? parseBundle(bytes, { trustedKeys }) : null;
    const status = !verified
      ? '未確認（--trust で公開鍵を指定すると検証します）'
      : verified.ok
        ? `有効（${shown(verified.signer.label)}）`
        : `無効 — ${describeBundleError(verified.error)}`;
    const counts = recordTypes.map((type) => {
      const { total, deleted } = summary.counts[type];
      return `  ${recordTypeLabels[type]}: ${total}件${deleted ? `（うち削除 ${deleted}件）` : ''}`;
    });
    return [
      `発行元: ${shown(summary.issuer.label)}（${shown(summary.issuer.department)}）`,
      `作成日時: ${shown(summary.createdAt)}  種類: ${summary.kind === 'full' ? '全件' : '差分'}  通し番号: ${summary.sequence}`,
      `バンドルID: ${shown(summary.bundleId)}`,
      '記録:',
      ...counts,
      `添付ファイル: ${summary.attachmentCount}件（${summary.attachmentBytes} バイト）`,
      `鍵ID: ${shown(summary.issuer.keyId ?? '')}`,
      `鍵の指紋: ${formatKeyFingerprint(read.bundle.issuer.keyId)}`,
      `署名: ${status}`,
    ].join('\n');
  },

  async fingerprint(file) {
    if (!file) throw usage('鍵ファイルを指定してください。');
    const text = await readText(file);
    const key = publicKeyOfPem(text);
    if (!key.ok) throw new Exit(1, `${file}: ${describeKeyError(key.error)}`);
    const keyId = computeKeyId(key.publicKey);
    return `鍵ID: ${keyId}\n指紋: ${formatKeyFingerprint(keyId)}`;
  },

  async canonical(file, { out }) {
    if (!file || !out) throw usage('FILE と --out を指定してください。');
    const json = decodeBundleJson(await readBundleFile(file), MAX_BUNDLE_BYTES);
    if (!json.ok) throw invalid(json.error);
    if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value))
      throw invalid({ kind: 'notSonaeBundle' });
    await writePath(out, canonicalBundleBytes(json.value as Record<string, unknown>));
    return `署名の対象を書き出しました: ${out}`;
  },

  async signature(file, { out }) {
    if (!file || !out) throw usage('FILE と --out を指定してください。');
    const json = decodeBundleJson(await readBundleFile(file), MAX_BUNDLE_BYTES);
    if (!json.ok) throw invalid(json.error);
    const signature = (json.value as { signature?: { value?: unknown } } | null)?.signature;
    if (!signature) throw invalid({ kind: 'missingSignature' });
    const bytes =
      typeof signature.value === 'string' ? decodeSignatureValue({ value: signature.value }) : null;
    if (!bytes)
      throw invalid({
        kind: 'malformedSignature',
        detail: '署名値が64バイトの Base64url ではありません',
      });
    await writePath(out, bytes);
    return `署名値を書き出しました: ${out}`;
  },

  encrypt,
  decrypt,
};

/** `help`, `help <command>`, `<command> --help`, `--help`, `-h`. */
function helpText(topic: string | undefined): string {
  if (topic === undefined) return overviewText();
  if (!isCommandName(topic)) throw usage(`不明なコマンドです: ${topic}`);
  return commandText(topic);
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        key: { type: 'string' },
        trust: { type: 'string', multiple: true },
        force: { type: 'boolean' },
        recipient: { type: 'string', multiple: true },
        identity: { type: 'string' },
        passphrase: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usage(`引数が正しくありません: ${(error as Error).message}`);
  }
  const [command, file, ...extra] = parsed.positionals;
  if (command === 'help') {
    if (extra.length > 0) throw usage(`余分な引数があります: ${extra.join(' ')}`);
    throw new Exit(0, helpText(file));
  }
  if (parsed.values.help) throw new Exit(0, helpText(command));
  if (!command) throw usage('コマンドを指定してください。');
  const run = isCommandName(command) && command !== 'help' ? commands[command] : undefined;
  if (!run) throw usage(`不明なコマンドです: ${command}`);
  if (extra.length > 0) throw usage(`余分な引数があります: ${extra.join(' ')}`);
  console.log(escapeTerminalOutput(await run(...resolvePaths(file, parsed.values))));
}

main().catch((error: unknown) => {
  if (error instanceof Exit) {
    (error.code === 0 ? console.log : console.error)(escapeTerminalOutput(error.message));
    process.exitCode = error.code;
    return;
  }
  // One line, no stack trace: a hostile file must not be able to flood or steer the terminal,
  // and staff need a sentence, not a trace. SONAE_DEBUG=1 prints the trace for developers.
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(escapeTerminalOutput(`予期しないエラーが発生しました（${detail}）`));
  if (process.env.SONAE_DEBUG) console.error(error);
  process.exitCode = 2;
});
