/**
 * Shared by the benchmarks that run code of the app in a page of their own: bundles `entry` with
 * Vite into `outDir` as `bench.js`, beside an index.html that loads it (`extraHtml` goes before
 * the script). bench-export.ts uses it; bench-age.ts and benchExchange.ts build the same way.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';

export async function buildBenchPage(entry: string, outDir: string, extraHtml = ''): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => 'bench.js' },
    },
  });
  await writeFile(
    join(outDir, 'index.html'),
    `<!doctype html><meta charset="utf-8">${extraHtml}<script type="module" src="./bench.js"></script>`,
  );
}
