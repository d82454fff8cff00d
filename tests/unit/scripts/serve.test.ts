// @vitest-environment node
// `npm start` (issue 10, item 7): one address that matches README.md, and a taken port ends in
// one Japanese line with the PORT= way out, exit code 1, no stack trace.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appAddress,
  parsePort,
  ServeError,
  startAppServer,
  DEFAULT_PORT,
} from '../../../scripts/serve.ts';

const ROOT = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'sonae-serve-'));
const dist = join(work, 'dist');
mkdirSync(dist);
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>備え</title>');

let taken: Server;
let takenPort: number;

beforeAll(async () => {
  // Something else already listens where npm start wants to.
  taken = createServer((_req, res) => res.end('other'));
  await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
  takenPort = (taken.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((ok) => taken.close(ok));
  rmSync(work, { recursive: true, force: true });
});

/** npm start's server, as a child process, in a folder that has dist/. */
function runServe(env: Record<string, string>) {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const child = spawn(tsx, [join(ROOT, 'scripts/serve.ts')], {
    cwd: work,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, output: () => ({ stdout, stderr }) };
}

describe('npm start', { timeout: 30_000 }, () => {
  it('prints the same address as README.md and serves the app there', async () => {
    const { server, address } = await startAppServer({ root: dist, port: 0 });
    try {
      expect(address).toBe(`http://localhost:${server.port}/sonae/`);
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      expect(readme).toContain(
        `Then open ${appAddress(DEFAULT_PORT)} (the address \`npm start\` prints)`,
      );
      expect(readme).toMatch(/`PORT`/);
      const response = await fetch(`http://127.0.0.1:${server.port}/sonae/`);
      expect(await response.text()).toContain('備え');
    } finally {
      await server.close();
    }
  });

  it('refuses a taken port with one Japanese line and the PORT= way out', async () => {
    const error = await startAppServer({ root: dist, port: takenPort }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServeError);
    const message = (error as Error).message;
    expect(message).toBe(
      `ポート ${takenPort} はほかのプログラムが使用中です。` +
        `PORT=${takenPort + 1} npm start のように別の番号で起動してください` +
        `（Windows の PowerShell では $env:PORT=${takenPort + 1}; npm start）。`,
    );
    expect(message).not.toContain('\n');
  });

  it('exits with code 1 and that one line, no stack trace, as a process', async () => {
    const { child, output } = runServe({ PORT: String(takenPort) });
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    const { stdout, stderr } = output();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`PORT=${takenPort + 1}`)]);
    expect(stderr).not.toMatch(/EADDRINUSE|\bat\s/);
  });

  it('starts on the port PORT names and says where', async () => {
    const { child, output } = runServe({ PORT: '0' });
    try {
      await expect.poll(() => output().stdout, { timeout: 20_000 }).toContain('を開いてください');
    } finally {
      child.kill();
    }
    expect(output().stdout).toMatch(/http:\/\/localhost:\d+\/sonae\//);
    expect(output().stderr).toBe('');
  });

  it('refuses a PORT that is not a port number', () => {
    expect(parsePort(undefined)).toBe(DEFAULT_PORT);
    expect(parsePort('')).toBe(DEFAULT_PORT);
    expect(parsePort('8080')).toBe(8080);
    for (const bad of ['abc', '70000', '-1', '80.5'])
      expect(() => parsePort(bad)).toThrow(/PORT=.+ は使えません/);
  });

  it('says to build first when dist/ is missing', async () => {
    await expect(startAppServer({ root: join(work, 'nothing'), port: 0 })).rejects.toThrow(
      /npm run build/,
    );
  });
});
