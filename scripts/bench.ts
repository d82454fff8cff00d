/**
 * `npm run bench` (issue 9): every speed figure in one table, for 10,000 and 50,000 incidents in
 * real Chromium, each beside its floor measured in the same run: import (file chosen → preview /
 * → done) beside a bare Dexie bulkPut and JSON.parse of the same file, open → first rows, keyword
 * search beside a plain scan, export all signed, file size ÷ the records' compact JSON, the
 * first screen's JavaScript (gzip), the keystroke test, and an import on a plain-HTTP origin
 * (no Web Crypto). `--write-doc` also writes the table into docs/performance.md.
 * Env: SONAE_DIST (default dist, which `npm run bench` builds first), COUNTS (10000,50000),
 * RUNS (import/export rounds at 10,000; one at larger sizes), SEARCH_RUNS (5), PARTS (which
 * halves to run: `exchange,incidents`; a part left out shows 未計測).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/e2e/browser.ts';
import { runExchangeBench, startBenchSite, type ExchangeFigures } from './benchExchange.ts';
import {
  measureFirstScreenJs,
  runIncidentBench,
  type IncidentBenchFigures,
} from './bench-incidents.ts';

const DIST = process.env.SONAE_DIST ?? 'dist';
const COUNTS = (process.env.COUNTS ?? '10000,50000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 3);
const SEARCH_RUNS = Number(process.env.SEARCH_RUNS ?? 5);
const PARTS = (process.env.PARTS ?? 'exchange,incidents').split(',');
const DOC = 'docs/performance.md';
/** A name that is not loopback, so the app is not a secure context (no crypto.subtle). */
const PLAIN_HTTP_HOST = 'sonae.intranet.test';

const ms = (value: number | undefined) =>
  value === undefined ? '未計測' : `${Math.round(value).toLocaleString('ja-JP')} ms`;
const times = (a: number, b: number) => `${(a / b).toFixed(2)}倍`;

interface SizeFigures {
  count: number;
  exchange: ExchangeFigures | null;
  incidents: IncidentBenchFigures | null;
}

async function measureExchange(browser: Browser, count: number): Promise<ExchangeFigures> {
  const site = await startBenchSite(DIST);
  try {
    return await runExchangeBench(browser, site, count, count <= 10_000 ? RUNS : 1);
  } finally {
    await site.close();
  }
}

/** The same import of `count` incidents on a plain-HTTP intranet name: @noble instead of Web Crypto. */
async function measurePlainHttp(count: number): Promise<ExchangeFigures> {
  const browser = await launchChromium([`--host-resolver-rules=MAP ${PLAIN_HTTP_HOST} 127.0.0.1`]);
  const site = await startBenchSite(DIST, PLAIN_HTTP_HOST);
  try {
    return await runExchangeBench(browser, site, count, 1);
  } finally {
    await browser.close();
    await site.close();
  }
}

/** One row: what, then each size's figure and floor, then the target. */
type Row = [string, ...string[]];

function buildTable(sizes: SizeFigures[], plain: ExchangeFigures | null, firstJs: string): string {
  const rows: Row[] = [];
  const each = (what: string, target: string, cell: (s: SizeFigures) => [string, string]) =>
    rows.push([what, ...sizes.flatMap(cell), target]);
  const ex = (s: SizeFigures) => s.exchange;
  each('取り込み: ファイル選択 → 確認画面', '確認まで 300 ms 以内（1万件）', (s) =>
    ex(s)
      ? [
          `${ms(ex(s)!.previewMs)}（最長タスク ${ms(ex(s)!.longestTaskPreviewMs)}）`,
          `JSON.parse ${ms(ex(s)!.parseMs)}`,
        ]
      : ['未計測', '—'],
  );
  each('取り込み: ファイル選択 → 完了', 'bulkPut の 1.5 倍以内（1万件）', (s) => {
    const f = ex(s);
    if (!f) return ['未計測', '—'];
    const done = f.previewMs + f.applyMs;
    return [
      `${ms(done)}（${times(done, f.bulkPutMs)}、書き込み中の最長タスク ${ms(f.longestTaskApplyMs)}）`,
      `bulkPut ${ms(f.bulkPutMs)}`,
    ];
  });
  // The writing alone, beside the same floor: what the import writes besides the records (their
  // list rows, the snapshot, the audit entry) against a bare bulkPut of the records.
  each('取り込み: 取り込む → 完了（書き込みだけ）', '（参考）', (s) => {
    const f = ex(s);
    if (!f) return ['未計測', '—'];
    return [`${ms(f.applyMs)}（${times(f.applyMs, f.bulkPutMs)}）`, `bulkPut ${ms(f.bulkPutMs)}`];
  });
  each('一覧: 開く → 最初の行（他の画面から）', '150 ms / 300 ms、50 ms 超のタスクなし', (s) =>
    s.incidents
      ? [
          `${ms(s.incidents.openWarmMs)}（最長タスク ${ms(s.incidents.longestTaskMs)}）`,
          `読み込みから ${ms(s.incidents.openColdMs)}`,
        ]
      : ['未計測', '—'],
  );
  // Two moments per query (scripts/benchIncidentProbe.ts): the count line changed in the DOM,
  // and the next frame (which adds up to one frame of waiting for the display).
  for (const query of ['E-1234', '印刷'])
    each(`キーワード検索: 入力 → 一覧更新（「${query}」）`, '5万件で 10 ms 以内', (s) => {
      const search = s.incidents?.search.find((q) => q.query === query);
      return search
        ? [
            `DOM ${search.domMs.toFixed(1)} ms・次のフレーム ${search.ms.toFixed(1)} ms（${search.hits}件）`,
            `単純な走査 ${search.floorMs.toFixed(1)} ms`,
          ]
        : ['未計測', '—'];
    });
  each('書き出し: すべて・署名付き', '1万件で 0.5 秒以内', (s) => [
    ex(s) ? ms(ex(s)!.exportMs) : '未計測',
    '—',
  ]);
  each('ファイルの大きさ ÷ 記録の JSON', '1.15 以下', (s) =>
    ex(s)
      ? [
          (ex(s)!.fileBytes / ex(s)!.compactJsonBytes).toFixed(2),
          `${(ex(s)!.fileBytes / 1024 / 1024).toFixed(1)} MB`,
        ]
      : ['未計測', '—'],
  );
  each('1文字 50 ms で「E-1234」を入力', '入力どおり・件数が正しい', (s) => {
    const k = s.incidents?.keystroke;
    return k
      ? [k.ok ? `OK（${k.countText}）` : `失敗（「${k.value}」${k.countText}）`, '—']
      : ['未計測', '—'];
  });
  each('過去の事例: 入力 → 似た記録が出る', '5万件で 50 ms 以内（issue 13）', (s) => {
    const found = s.incidents?.suggestion ?? [];
    if (found.length === 0) return ['未計測', '—'];
    const slowest = Math.max(...found.map((f) => f.ms));
    return [`最大 ${slowest.toFixed(1)} ms（コード3種・文章1つ、各中央値）`, '—'];
  });
  const blank = sizes.flatMap(() => ['', '']);
  rows.push(['最初の画面の JavaScript（gzip）', firstJs, ...blank.slice(1), '150 KB 以下']);
  if (plain) {
    const done = plain.previewMs + plain.applyMs;
    rows.push([
      `HTTP の社内サーバー（Web Crypto なし）: ${plain.count.toLocaleString('ja-JP')}件`,
      `確認画面 ${ms(plain.previewMs)}・完了 ${ms(done)}・書き出し ${ms(plain.exportMs)}`,
      `bulkPut ${ms(plain.bulkPutMs)}`,
      ...blank.slice(2),
      '正しく動くこと（遅くてよい）',
    ]);
  }
  const header: Row = [
    '',
    ...sizes.flatMap((s) => [`${s.count.toLocaleString('ja-JP')}件`, '床（同じ実行で計測）']),
    '目標（issue 9）',
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

async function writeDoc(table: string, about: string): Promise<void> {
  const doc = await readFile(DOC, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${DOC}: markers ${start} … ${end} missing`);
  const body = `${start}\n${about}\n\n${table}\n${end}`;
  await writeFile(DOC, `${doc.slice(0, from)}${body}${doc.slice(to + end.length)}`);
  console.log(`${DOC} に書き込みました。`);
}

async function main() {
  const incidents = await (PARTS.includes('incidents') ? runIncidentBench : async () => [])({
    dist: DIST,
    counts: COUNTS,
    runs: SEARCH_RUNS,
    log: (line) => console.log(line),
  }).catch((error: unknown) => {
    console.error('障害記録の計測に失敗しました（未計測として表示します）:', error);
    return [] as IncidentBenchFigures[];
  });
  const browser = await launchChromium();
  const version = browser.version();
  const sizes: SizeFigures[] = [];
  try {
    for (const count of COUNTS) {
      console.log(`データ交換 ${count.toLocaleString('ja-JP')}件`);
      sizes.push({
        count,
        exchange: PARTS.includes('exchange') ? await measureExchange(browser, count) : null,
        incidents: incidents.find((f) => f.count === count) ?? null,
      });
    }
  } finally {
    await browser.close();
  }
  console.log('HTTP の社内サーバー（Web Crypto なし）');
  const plain = PARTS.includes('exchange') ? await measurePlainHttp(COUNTS[0]!) : null;
  const js = await measureFirstScreenJs(DIST);
  const table = buildTable(sizes, plain, `${(js.totalGzipBytes / 1024).toFixed(1)} KB`);
  const about =
    `計測: ${new Date().toISOString().slice(0, 10)}、Chromium ${version}（ヘッドレス）、` +
    `CPU ${cpus().length} コア、取り込み・書き出しは ${RUNS} 回（5万件は 1 回）、` +
    `検索は ${SEARCH_RUNS} 回の中央値。Ed25519: ${sizes[0]?.exchange?.nativeEd25519 ? 'Web Crypto' : '@noble'}。`;
  console.log(`\n${about}\n\n${table}`);
  if (process.argv.includes('--write-doc')) await writeDoc(table, about);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
