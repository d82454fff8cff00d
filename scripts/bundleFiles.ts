/**
 * Files and paths for scripts/bundle.ts: where relative paths count from, reading with a size
 * limit, writing, and the one way the tool stops (Exit: exit code and the text to print).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_BUNDLE_BYTES } from '../src/exchange/bundleFormat.ts';
import { describeBundleError, type BundleError } from '../src/exchange/bundleErrors.ts';
import { trustedKeyFromPem, type TrustedKey } from '../src/exchange/bundleTrust.ts';
import { describeKeyError } from '../src/exchange/keys.ts';
import { overviewText } from './bundleHelp.ts';

export type Values = {
  out?: string;
  key?: string;
  trust?: string[];
  force?: boolean;
  /** encrypt: `age1…` recipients (not paths). */
  recipient?: string[];
  /** decrypt: an age identity file. */
  identity?: string;
  passphrase?: boolean;
};

/** An expected way to stop: exit code and the one line to print. */
export class Exit extends Error {
  constructor(
    readonly code: 0 | 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

export const usage = (message: string) => new Exit(2, `${message}\n\n${overviewText()}`);
export const invalid = (error: BundleError) => new Exit(1, describeBundleError(error));

export async function readPath(file: string, maxBytes = Infinity): Promise<Uint8Array> {
  try {
    const { size } = await stat(file);
    // Refuse before reading: the size limit exists so a huge file is never loaded.
    if (size > maxBytes) throw invalid({ kind: 'tooLarge', size, limit: maxBytes });
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof Exit) throw error;
    throw new Exit(2, `ファイルを読めません: ${file}`);
  }
}

export async function writePath(file: string, content: string | Uint8Array, mode = 0o644) {
  try {
    await writeFile(file, content, { mode });
  } catch {
    throw new Exit(2, `ファイルに書き込めません: ${file}`);
  }
}

export const readBundleFile = (file: string) => readPath(file, MAX_BUNDLE_BYTES);
export const readText = async (file: string) =>
  new TextDecoder().decode(await readPath(file, 1024 * 1024));

export async function readTrustedKeys(files: readonly string[]): Promise<TrustedKey[]> {
  const keys: TrustedKey[] = [];
  for (const file of files) {
    const parsed = trustedKeyFromPem(await readText(file), path.basename(file), 'it-section');
    if (!parsed.ok) throw new Exit(2, `${file}: ${describeKeyError(parsed.error)}`);
    keys.push(parsed.key);
  }
  return keys;
}

/**
 * The folder the person typed the command in. `npm run` starts scripts in the project root and
 * names the original folder in INIT_CWD; an INIT_CWD inherited from some other npm script (a test
 * runner started by `npm test` that runs this file directly) is not ours, so it counts only when
 * npm started this very script.
 */
function invocationDir(): string {
  const { INIT_CWD, npm_lifecycle_event } = process.env;
  return npm_lifecycle_event === 'bundle' && INIT_CWD ? INIT_CWD : process.cwd();
}

/** Every path argument made absolute from the invocation folder, so messages name the real file. */
export function resolvePaths(
  file: string | undefined,
  values: Values,
): [string | undefined, Values] {
  const base = invocationDir();
  const at = (p: string | undefined) => (p === undefined ? p : path.resolve(base, p));
  return [
    at(file),
    {
      ...values,
      out: at(values.out),
      key: at(values.key),
      identity: at(values.identity),
      trust: values.trust?.map((p) => at(p)!),
    },
  ];
}
