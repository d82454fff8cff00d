/**
 * Builds the standalone bundle checker (src/verifier/): ONE self-contained HTML file an auditor
 * opens on a Windows PC straight from the release zip (`tools/bundle-checker.html`), with no
 * server, no install and no network. `npm run build` runs it after `vite build`:
 *
 *   tsx scripts/build-verifier.ts [--dist dist] [--out dist-tools]
 *
 * It writes `<out>/bundle-checker.html` with the build id of `<dist>/version.json`, so the page
 * states the same 版 as the app it was built with. Not into dist/: dist/ is the web root the
 * service worker precaches, and a server's CSP header (script-src 'self') would block the
 * page's inline script there anyway.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import { composeBuildId, readGitCommit } from './buildId.ts';

export const CHECKER_FILE = 'bundle-checker.html';
export const DEFAULT_CHECKER_DIR = 'dist-tools';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEMPLATE = join(ROOT, 'src/verifier/bundle-checker.html');

/** The value of a CSP hash source for an inline element's exact text. */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Makes script text safe inside `<script>…</script>`: the HTML parser ends the element at the
 * first `</script` whatever the JavaScript means, and `<!--` can switch it into an escaped state.
 * `<\/` and `\x3C!--` mean the same inside JS strings, regexes and templates, where the
 * minifier leaves such text.
 */
export function escapeInlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--');
}

/**
 * Puts the script and style into the page template with a CSP that allows exactly those two
 * (by hash) and nothing else: no request of any kind can leave the page.
 */
export function assembleCheckerHtml(template: string, js: string, css: string): string {
  const script = escapeInlineScript(js);
  if (/<\/script/i.test(script) || css.includes('</'))
    throw new Error('bundle checker: inline code still contains a closing tag');
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(css)}`,
    "img-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  // Replacer functions: the minified code is full of `$`, which a replacement string would expand.
  // The element's whole text is hashed, so the placeholders' surrounding whitespace goes too.
  const html = template
    .replace('%CSP%', () => csp)
    .replace(/<style>\s*%STYLE%\s*<\/style>/, () => `<style>${css}</style>`)
    .replace(/<script>\s*%SCRIPT%\s*<\/script>/, () => `<script>${script}</script>`);
  if (/%(CSP|STYLE|SCRIPT)%/.test(html.replace(script, '').replace(css, '')))
    throw new Error('bundle checker: the template lost a placeholder');
  return html;
}

/** The id `vite build` wrote into `<dist>/version.json`, else one composed as vite.config does. */
export function checkerBuildId(dist: string, version: string): string {
  const file = join(dist, 'version.json');
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { buildId?: unknown };
    if (typeof parsed.buildId === 'string') return parsed.buildId;
  }
  return composeBuildId({
    version,
    given: process.env.SONAE_BUILD_ID,
    now: new Date(),
    commit: readGitCommit(ROOT),
  });
}

/** Bundles src/verifier/main.ts as one classic script (IIFE) and returns the finished page. */
export async function buildCheckerHtml(buildId: string, version: string): Promise<string> {
  const output = (await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    mode: 'production',
    define: {
      __SONAE_VERSION__: JSON.stringify(version),
      __SONAE_BUILD_ID__: JSON.stringify(buildId),
    },
    build: {
      write: false,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      cssCodeSplit: false,
      // A library build in IIFE format is one classic script: no chunks, no import(), nothing to
      // fetch (module scripts and imports are blocked on file:// pages).
      lib: {
        entry: join(ROOT, 'src/verifier/main.ts'),
        formats: ['iife'],
        name: 'SonaeBundleChecker',
        fileName: () => 'bundle-checker.js',
        cssFileName: 'bundle-checker',
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const chunks = files.filter((file) => file.type === 'chunk');
  if (chunks.length !== 1)
    throw new Error(`bundle checker: expected one script, got ${chunks.length}`);
  const css = files
    .filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'))
    .map((file) => String((file as Rolldown.OutputAsset).source))
    .join('\n');
  const template = await readFile(TEMPLATE, 'utf8');
  return assembleCheckerHtml(template, chunks[0]!.code, css);
}

/** Builds the page and writes `<outDir>/bundle-checker.html`; returns its path. */
export async function writeChecker(options: { dist: string; outDir: string }): Promise<string> {
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const html = await buildCheckerHtml(checkerBuildId(options.dist, version), version);
  await mkdir(options.outDir, { recursive: true });
  const path = join(options.outDir, CHECKER_FILE);
  await writeFile(path, html);
  return path;
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

async function main() {
  const path = await writeChecker({
    dist: resolve(argument('--dist', 'dist')),
    outDir: resolve(argument('--out', DEFAULT_CHECKER_DIR)),
  });
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  console.log(`${path}  ${(bytes.length / 1024).toFixed(0)} KiB  sha256 ${sha256}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
