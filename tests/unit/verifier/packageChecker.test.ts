// @vitest-environment node
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { CHECKER_PATH, CHECKSUM_FILE, writeRelease } from '../../../scripts/package.ts';

// The release zip carries the bundle checker beside sonae/ (never inside the web root), built
// for the same build id as the app, and SHA256SUMS.txt lists it, so an auditor can check the
// page itself with Get-FileHash before trusting what it says.

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sonae-package-checker-'));
  const dist = path.join(work, 'dist');
  await mkdir(dist);
  const files: Record<string, string> = {
    'index.html': '<!doctype html>',
    'sw.js': 'precacheAndRoute([{url:"index.html",revision:"1"}])',
    'manifest.webmanifest': '{}',
    'version.json': '{"version":"0.1.0","buildId":"20261201-1"}\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dist, name), text);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the release zip', () => {
  it('holds tools/bundle-checker.html for this build, listed in SHA256SUMS.txt', async () => {
    const { path: zipPath } = await writeRelease({
      dist: path.join(work, 'dist'),
      outDir: path.join(work, 'release'),
      date: new Date(2026, 11, 1, 9),
    });
    const entries = unzipSync(new Uint8Array(await readFile(zipPath)));
    const checker = entries[CHECKER_PATH];
    expect(CHECKER_PATH).toBe('tools/bundle-checker.html');
    expect(checker).toBeDefined();
    expect(Object.keys(entries).filter((name) => name.includes('bundle-checker'))).toEqual([
      CHECKER_PATH,
    ]);
    const html = new TextDecoder().decode(checker);
    expect(html).toContain(
      '<title>備え データ交換ファイルの検証（Windows 用・単体で動きます）</title>',
    );
    // The id is a string literal in the script (the minifier picks the quote).
    expect(html).toMatch(/["'`]20261201-1["'`]/);
    const sha256 = createHash('sha256').update(checker!).digest('hex');
    expect(new TextDecoder().decode(entries[CHECKSUM_FILE])).toContain(
      `${sha256}  ${CHECKER_PATH}\n`,
    );
  }, 60_000);
});
