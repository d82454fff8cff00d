/**
 * `npm start`: serves dist/ under /sonae/ on this PC, as an intranet server would. Prints ONE
 * address, http://localhost:<port>/sonae/ — the same as README.md. IndexedDB belongs to the exact
 * origin, so data entered at 127.0.0.1 would not show at localhost: one spelling only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStaticServer, type StaticServer } from './staticServer.ts';

export const DEFAULT_PORT = 4173;
export const BASE_PATH = '/sonae/';

/** A refusal to start, already worded for the person at the terminal (one line, Japanese). */
export class ServeError extends Error {
  override name = 'ServeError';
}

/**
 * The port from `PORT`, or the default; a bad value is refused before anything listens. 0 takes
 * any free port (the printed address shows which).
 */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ServeError(
      `PORT=${value} は使えません。1〜65535 の番号を指定してください（例: PORT=4174 npm start）。`,
    );
  return port;
}

/** The one-line message for a port that cannot be used, with the way out. */
export function describeListenError(error: unknown, port: number): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  const next = port < 65535 ? port + 1 : 4174;
  const wayOut =
    `PORT=${next} npm start のように別の番号で起動してください` +
    `（Windows の PowerShell では $env:PORT=${next}; npm start）。`;
  if (code === 'EADDRINUSE') return `ポート ${port} はほかのプログラムが使用中です。${wayOut}`;
  if (code === 'EACCES') return `ポート ${port} を使う権限がありません。${wayOut}`;
  return null;
}

/** The address to open: localhost, matching README.md (never 127.0.0.1, another origin). */
export function appAddress(port: number): string {
  return `http://localhost:${port}${BASE_PATH}`;
}

/** Starts the server on 127.0.0.1 (what localhost reaches); throws ServeError when it cannot. */
export async function startAppServer(options: {
  root: string;
  port: number;
}): Promise<{ server: StaticServer; address: string }> {
  if (!existsSync(join(options.root, 'index.html')))
    throw new ServeError(
      `${options.root}/index.html がありません。先に npm run build を実行してください（npm start は自動で行います）。`,
    );
  try {
    const server = await startStaticServer({
      root: options.root,
      basePath: BASE_PATH,
      port: options.port,
      host: '127.0.0.1',
    });
    return { server, address: appAddress(server.port) };
  } catch (error) {
    const message = describeListenError(error, options.port);
    throw message ? new ServeError(message) : error;
  }
}

async function main() {
  const { address } = await startAppServer({ root: 'dist', port: parsePort(process.env.PORT) });
  console.log(
    `備え Sonae: ${address} を開いてください（初回は「デモデータで試す」で架空市のデータを読み込めます）。Ctrl+C で終了。`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    // A refusal the person can act on is one line; anything else keeps its stack for a bug report.
    console.error(error instanceof ServeError ? error.message : error);
    process.exit(1);
  });
}
