import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  server: Server;
  /** e.g. http://127.0.0.1:4173/sonae/ */
  url: string;
  port: number;
  /** Serves another folder from now on, on the same origin (e.g. a newer build). */
  setRoot(root: string): void;
  close(): Promise<void>;
}

/**
 * Serves a built folder under a sub-path, like an IT section's intranet server would
 * (no rewrites, no special headers beyond MIME types and no-cache on the entry points).
 */
export async function startStaticServer(options: {
  root: string;
  basePath?: string;
  port?: number;
  host?: string;
}): Promise<StaticServer> {
  let root = resolve(options.root);
  const basePath = `/${(options.basePath ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (!path.startsWith(basePath)) {
      res.writeHead(path === basePath.slice(0, -1) ? 301 : 404, { Location: basePath });
      res.end();
      return;
    }
    let file = normalize(join(root, path.slice(basePath.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const name = file.slice(file.lastIndexOf(sep) + 1);
      const isEntry = name === 'index.html' || name === 'sw.js' || name.endsWith('.webmanifest');
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': isEntry ? 'no-cache' : 'public, max-age=31536000, immutable',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('見つかりません');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    port,
    url: `http://${host}:${port}${basePath}`,
    setRoot: (next) => {
      root = resolve(next);
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
