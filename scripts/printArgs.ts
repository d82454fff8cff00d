// The command line of `npm run print` and the names of the files it writes. Pure (no browser,
// no file system), so both are unit-tested (tests/unit/scripts/printCliArgs.test.ts).

import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BLANK_SHEETS, MAX_BLANK_SHEETS } from '../src/print/printOptions.ts';

export const PRINT_USAGE = `使い方:
  npm run print -- --demo --out フォルダ [--system システム名] [--sheets 枚数]
  npm run print -- --bundle ファイル.sonae.json --out フォルダ [--trust 公開鍵.pem …] [--system システム名] [--sheets 枚数] [--municipality 自治体名]

  --demo             架空市のデモデータで印刷物を作ります（「デモデータで試す」と同じデータ）
  --bundle ファイル   署名付きのファイルを検証してから取り込み、その内容で印刷物を作ります
  --trust 公開鍵.pem  発行元の公開鍵（何度でも指定できます）。公開鍵は sonae.config.json の
                     信頼する鍵でもかまいません。どちらにもない鍵の署名は受け付けません
  --out フォルダ      PDF と HTML を書き出すフォルダ（なければ作ります。同じ名前のファイルは上書きします）
  --system 名前       障害時キットをこのシステムの分だけ作ります（省略時は代替手順のあるシステムすべて）
  --sheets 枚数       障害時キットに付ける白紙の障害記録票の枚数（0〜${MAX_BLANK_SHEETS}、省略時 ${DEFAULT_BLANK_SHEETS}）。
                     incident-sheet.pdf も同じ枚数です（最低1枚）
  --municipality 名前 印刷物に載せる自治体名（省略時はファイルの発行元から取ります）
  help, --help, -h   この説明を表示します

書き出すファイル:
  outage-kit-<システム名>.pdf  障害時キット（代替手順・連絡先・障害レベル・住民への案内・白紙の記録票）
  incident-sheet.pdf          白紙の障害記録票
  incident-report.pdf         障害報告書（いちばん新しい障害記録。記録がなければ作りません）
  contacts.pdf                緊急連絡先一覧
  binder.pdf                  緊急時バインダー（目次にページ番号つき。代替手順がなければ作りません）
  binder.html                 緊急用の閲覧コピー（ブラウザーだけで読める1つの HTML ファイル）

相対パスは、コマンドを実行したフォルダから数えます。組み立て済みのアプリは dist/ から
（環境変数 SONAE_DIST で別のフォルダを指定できます）読み込みます。`;

export type PrintSource =
  { kind: 'demo' } | { kind: 'bundle'; file: string; trust: readonly string[] };

export interface PrintOptions {
  source: PrintSource;
  /** Absolute path of the output folder. */
  outDir: string;
  /** Only this system's outage kit; null prints one per system with a procedure. */
  system: string | null;
  /** Blank incident sheets in each kit and in incident-sheet.pdf. */
  sheets: number;
  /** The municipality the station is set up with (bundle only); null derives it from the file. */
  municipality: string | null;
}

export type PrintArgs =
  { kind: 'help' } | { kind: 'run'; options: PrintOptions } | { kind: 'error'; message: string };

const optionSpec = {
  demo: { type: 'boolean' },
  bundle: { type: 'string' },
  out: { type: 'string' },
  system: { type: 'string' },
  trust: { type: 'string', multiple: true },
  sheets: { type: 'string' },
  municipality: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const known = new Set(Object.keys(optionSpec));
const HINT = '（使い方は npm run print -- --help）';
const fail = (message: string): PrintArgs => ({ kind: 'error', message: `${message}${HINT}` });

/**
 * Reads the arguments after `npm run print --`. Relative paths resolve from `baseDir` (the folder
 * the person ran the command in). Every mistake gives one Japanese line, never a stack trace.
 */
export function parsePrintArgs(argv: readonly string[], baseDir: string): PrintArgs {
  // Not strict: node's own messages are English, so unknown options are found here instead.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: optionSpec,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!known.has(token.name)) return fail(`不明なオプションです: ${token.rawName}`);
    const spec = optionSpec[token.name as keyof typeof optionSpec];
    // `--out --demo` would otherwise take 「--demo」 as the folder's name.
    const isMissing =
      token.value === undefined || (!token.inlineValue && token.value.startsWith('-'));
    if (spec.type === 'string' && isMissing)
      return fail(`${token.rawName} の後に値を指定してください。`);
    if (spec.type === 'boolean' && token.value !== undefined)
      return fail(`${token.rawName} には値を付けません。`);
    if (seen.has(token.name) && !('multiple' in spec))
      return fail(`${token.rawName} が2回指定されています。`);
    seen.add(token.name);
  }
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  if (positionals.length > 0) return fail(`余分な引数があります: ${positionals.join(' ')}`);

  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const bundle = text(values.bundle);
  if (values.demo && bundle)
    return fail('--demo と --bundle はどちらか一方だけを指定してください。');
  if (!values.demo && !bundle) return fail('--demo か --bundle ファイル を指定してください。');
  const out = text(values.out);
  if (!out) return fail('--out で書き出し先のフォルダを指定してください。');
  const trust = Array.isArray(values.trust) ? values.trust.map(text) : [];
  if (trust.some((file) => !file)) return fail('--trust の後に公開鍵ファイルを指定してください。');
  if (values.demo && trust.length > 0) return fail('--trust は --bundle と一緒に使います。');
  if (values.demo && values.municipality !== undefined)
    return fail('--municipality は --bundle と一緒に使います（デモは架空市です）。');

  let sheets = DEFAULT_BLANK_SHEETS;
  if (values.sheets !== undefined) {
    const raw = text(values.sheets);
    if (!/^\d{1,3}$/.test(raw) || Number(raw) > MAX_BLANK_SHEETS)
      return fail(`--sheets には 0〜${MAX_BLANK_SHEETS} の枚数を指定してください: ${raw}`);
    sheets = Number(raw);
  }
  if (values.system !== undefined && !text(values.system))
    return fail('--system にはシステム名を指定してください。');
  if (values.municipality !== undefined && !text(values.municipality))
    return fail('--municipality には自治体名を指定してください。');

  const resolve = (file: string) => path.resolve(baseDir, file);
  return {
    kind: 'run',
    options: {
      source: values.demo
        ? { kind: 'demo' }
        : { kind: 'bundle', file: resolve(bundle), trust: trust.map(resolve) },
      outDir: resolve(out),
      system: text(values.system) || null,
      sheets,
      municipality: text(values.municipality) || null,
    },
  };
}

// Characters no file system takes (Windows is the strictest: the binder goes onto its shares and
// USB sticks), control characters, and bidi controls that would make a name read differently.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** Characters of a system's name kept: 60 Japanese characters stay under 255 bytes with the prefix. */
const MAX_NAME_CHARS = 60;

/**
 * A system's name as part of a file name: unsafe characters become 「_」, spaces 「_」, no leading
 * or trailing dots, at most 60 characters; a name with nothing left (or a Windows device name)
 * gives `fallback`.
 */
export function safeFileNamePart(name: string, fallback: string): string {
  const cleaned = [
    ...name
      .normalize('NFC')
      .replace(UNSAFE, '_')
      .replace(/[\s\u3000]+/g, '_')
      .replace(/^[._]+|[._]+$/g, ''),
  ]
    .slice(0, MAX_NAME_CHARS)
    .join('')
    .replace(/[._]+$/, '');
  return cleaned && !RESERVED.test(cleaned) ? cleaned : fallback;
}

/**
 * `outage-kit-<system>.pdf` for each system, in the order given. Two systems whose names give
 * the same file name (「税務/収納」 and 「税務_収納」) get 「-2」, 「-3」…, so no kit overwrites
 * another. The comparison ignores case, as Windows and macOS do.
 */
export function outageKitFileNames(systems: readonly { id: string; name: string }[]): string[] {
  const used = new Set<string>();
  return systems.map((system, i) => {
    const base = `outage-kit-${safeFileNamePart(system.name, `system-${i + 1}`)}`;
    let name = `${base}.pdf`;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base}-${n}.pdf`;
    used.add(name.toLowerCase());
    return name;
  });
}
