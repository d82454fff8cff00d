/**
 * The JavaScript of the first screen (issue 9: ≤ 150 KB gzip), as `npm run bench:incidents`
 * reports it and `scripts/bench.ts` can call it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { startStaticServer } from './staticServer.ts';

export interface FirstScreenJs {
  /** Every script the first screen (障害発生時 of a set-up station) loaded, gzip -9 bytes. */
  files: { file: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

/**
 * The JavaScript a staff member's first visit downloads for the first screen: a set-up station
 * opening on 障害発生時, with the service worker blocked so every file is counted as fetched.
 */
export async function measureFirstScreenJs(dist?: string): Promise<FirstScreenJs> {
  const root = dist ?? process.env.SONAE_DIST ?? 'dist';
  const server = await startStaticServer({ root, basePath: '/sonae/' });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ ...OFFICE_CONTEXT, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    const scripts: string[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) scripts.push(path.slice('/sonae/'.length));
    });
    await page.reload();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const files = [...new Set(scripts)].map((file) => ({
      file,
      gzipBytes: gzipSync(readFileSync(join(root, file)), { level: 9 }).length,
    }));
    return { files, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
  } finally {
    await browser.close();
    await server.close();
  }
}
