import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

// Real nginx and Apache (Debian's packages) run in the foreground on 127.0.0.1 with their
// configs in a temp folder, for deploy.test.ts (the shipped deploy/ samples, as an IT section
// installs them).

/** `name` on PATH or in the sbin folders Debian installs servers to; null when not installed. */
export function findExecutable(name: string): string | null {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  return folders.map((folder) => join(folder, name)).find((path) => existsSync(path)) ?? null;
}

export interface RealServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  start(): Promise<void>;
  /** Stops the process and waits until the port refuses connections. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function isAnswering(origin: string): Promise<boolean> {
  try {
    await fetch(origin, { method: 'HEAD', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** Polls (bounded, no fixed sleep) until `answering` is what the server does. */
async function waitUntil(origin: string, answering: boolean, what: () => string): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if ((await isAnswering(origin)) === answering) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${origin} ${answering ? 'never answered' : 'did not stop'}: ${what()}`);
}

function foregroundServer(command: string, args: string[], port: number, log: string): RealServer {
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  const explain = () =>
    `${output}\n${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''}`;
  return {
    origin,
    async start() {
      output = '';
      const started = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.on('exit', () => {
        if (child === started) child = null;
      });
      await waitUntil(origin, true, () => (child ? explain() : `exited: ${explain()}`));
    },
    async stop() {
      const running = child;
      if (running) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await exited;
      }
      await waitUntil(origin, false, explain);
    },
  };
}

// Only root may switch the workers to Debian's web user; anyone else runs them as themselves.
const asRoot = process.getuid?.() === 0;

/** nginx with Debian's mime.types and one `server` holding `serverBody` (e.g. an include). */
export async function startNginx(dir: string, serverBody: string): Promise<RealServer> {
  const port = await freePort();
  await writeFile(
    join(dir, 'nginx.conf'),
    `${asRoot ? 'user www-data;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
${serverBody}
  }
}
`,
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const server = foregroundServer(
    findExecutable('nginx')!,
    [...args, '-g', 'daemon off;'],
    port,
    join(dir, 'error.log'),
  );
  await server.start();
  return server;
}

const APACHE_MODULES = [
  'mpm_event',
  'authz_core',
  'authz_host',
  'mime',
  'dir',
  'alias',
  'autoindex',
  'headers',
  'setenvif',
];

/**
 * Apache 2.4 set up as Debian ships it (/var/www → `www`: Options Indexes, AllowOverride None;
 * .ht* files denied; DocumentRoot `www/html`), plus `siteConfig` (the part under test).
 */
export async function startApache(
  dir: string,
  www: string,
  siteConfig: string,
): Promise<RealServer> {
  const port = await freePort();
  const modules = APACHE_MODULES.map(
    (name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${name}.so`,
  );
  await writeFile(
    join(dir, 'httpd.conf'),
    `ServerRoot ${dir}
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
DefaultRuntimeDir ${dir}
${asRoot ? 'User www-data\nGroup www-data' : ''}
${modules.join('\n')}
TypesConfig /etc/mime.types
DirectoryIndex index.html
AccessFileName .htaccess
DocumentRoot ${www}/html
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all denied
</Directory>
<Directory ${www}/>
  Options Indexes FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
<FilesMatch "^\\.ht">
  Require all denied
</FilesMatch>
${siteConfig}
`,
  );
  const args = ['-d', dir, '-f', join(dir, 'httpd.conf'), '-DFOREGROUND'];
  const server = foregroundServer(findExecutable('apache2')!, args, port, join(dir, 'error.log'));
  await server.start();
  return server;
}
