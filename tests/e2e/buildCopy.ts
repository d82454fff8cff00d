import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUILD_ID_PATTERN } from '../../scripts/buildId.ts';

/**
 * Another build of the app, made from a production build by changing its build id, for the
 * update and deployment tests (PRODUCT.md: "a second build for update tests is a copy with its
 * build id patched"). A real `vite build` would differ from its source build in exactly these
 * ways, which is what the service worker's update check looks at:
 *
 * - the id is a string literal in the entry chunk (vite.config.ts `define`) and in version.json;
 * - every hashed asset whose bytes change gets a new name, and so does every hashed asset that
 *   names one of them (Vite's hashes cascade the same way), with every reference rewritten: a
 *   changed file under an old name would be served from the browser's cache (assets are
 *   `immutable`) or kept by the new worker's precache as unchanged (revision null);
 * - sw.js lists the new names, and the revision (MD5, as workbox-build writes it) of each
 *   unhashed file it precaches is that of the file's new bytes, so the worker's own bytes differ
 *   and the browser installs it as an update.
 *
 * Source maps are left out: `build.sourcemap` is 'hidden', nothing names them.
 */

/** Vite's `[name]-[hash].ext` under assets/: the hash is 8 Base64url characters. */
const HASHED_ASSET = /^assets\/(.+)-[A-Za-z0-9_-]{8}(\.(?:js|css))$/;
const TEXT_FILE = /\.(?:html|js|css|json|webmanifest|txt|svg)$/;

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** A name no other build id gives this asset: the old name's stem, a hash of name and id. */
function renamedAsset(file: string, buildId: string): string {
  const [, stem, ext] = HASHED_ASSET.exec(file)!;
  const hash = createHash('sha256').update(`${file}\0${buildId}`).digest('base64url').slice(0, 8);
  return `assets/${stem}-${hash}${ext}`;
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every whole-name occurrence of one of `names` (not part of a longer file name). */
function namePattern(names: string[]): RegExp {
  if (names.length === 0) return /(?!)/g;
  return new RegExp(`(?<![\\w.-])(?:${names.map(escapeRegExp).join('|')})(?![\\w.-])`, 'g');
}

/**
 * The files of a build (paths relative to its root, '/'-separated; text files as strings) with
 * the build id changed to `buildId`. Pure. Throws when the build does not look like one vite.config
 * writes (no version.json, or the id not found in any script), rather than return a copy the
 * service worker would not see as a new build.
 */
export function patchBuildId(
  files: ReadonlyMap<string, string | Uint8Array>,
  buildId: string,
): Map<string, string | Uint8Array> {
  if (!BUILD_ID_PATTERN.test(buildId)) throw new Error(`not a build id: ${buildId}`);
  const versionFile = files.get('version.json');
  if (typeof versionFile !== 'string') throw new Error('the build has no version.json');
  const version = JSON.parse(versionFile) as { version: string; buildId: string };
  if (version.buildId === buildId) throw new Error(`the build already has the id ${buildId}`);

  const out = new Map(files);
  out.set('version.json', `${JSON.stringify({ version: version.version, buildId })}\n`);
  // The id as the minifier writes a string literal, in any of the three quotes.
  const literal = new RegExp(`(["'\`])${escapeRegExp(version.buildId)}\\1`, 'g');
  let found = 0;
  for (const [file, content] of out) {
    if (typeof content !== 'string' || !file.endsWith('.js')) continue;
    const patched = content.replace(literal, (_, quote: string) => `${quote}${buildId}${quote}`);
    if (patched !== content) found += 1;
    out.set(file, patched);
  }
  if (found === 0) throw new Error(`build id ${version.buildId} not found in any script`);

  // Changed hashed assets, then every hashed asset that names one of them, until none is added.
  const renamed = new Set(
    [...out].filter(([f, c]) => HASHED_ASSET.test(f) && c !== files.get(f)).map(([f]) => f),
  );
  for (let added = true; added;) {
    added = false;
    const names = namePattern([...renamed].map(baseName));
    for (const [file, content] of out) {
      if (renamed.has(file) || !HASHED_ASSET.test(file) || typeof content !== 'string') continue;
      names.lastIndex = 0;
      if (names.test(content)) {
        renamed.add(file);
        added = true;
      }
    }
  }
  const newNames = new Map([...renamed].map((file) => [file, renamedAsset(file, buildId)]));
  const toNew = new Map([...newNames].map(([from, to]) => [baseName(from), baseName(to)]));
  const references = namePattern([...toNew.keys()]);
  const result = new Map<string, string | Uint8Array>();
  for (const [file, content] of out) {
    const text =
      typeof content === 'string' && TEXT_FILE.test(file)
        ? content.replace(references, (name) => toNew.get(name)!)
        : content;
    result.set(newNames.get(file) ?? file, text);
  }
  const worker = result.get('sw.js');
  if (typeof worker === 'string') {
    result.set('sw.js', withNewRevisions(worker, result));
    // A precached file missing from the copy would fail the worker's install on every page.
    const missing = [...worker.matchAll(PRECACHE_URL)]
      .map(([, url]) => url!)
      .filter((url) => !result.has(url));
    if (missing.length > 0)
      throw new Error(`sw.js precaches files the copy lacks: ${missing.join(', ')}`);
  }
  return result;
}

const PRECACHE_URL = /url:\s*["']([^"']+)["']\s*,\s*revision/g;

/** sw.js with each precached unhashed file's revision recomputed from its bytes in `files`. */
function withNewRevisions(worker: string, files: ReadonlyMap<string, string | Uint8Array>): string {
  return worker.replace(
    /(url:\s*["']([^"']+)["']\s*,\s*revision:\s*["'])([0-9a-f]{32})(["'])/g,
    (whole, head: string, url: string, _old: string, tail: string) => {
      const content = files.get(url);
      if (content === undefined) return whole;
      const hash =
        typeof content === 'string'
          ? md5(content)
          : createHash('md5').update(content).digest('hex');
      return `${head}${hash}${tail}`;
    },
  );
}

async function readBuild(root: string): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.map')) continue;
    const full = path.join(entry.parentPath, entry.name);
    const file = path.relative(root, full).split(path.sep).join('/');
    files.set(file, TEXT_FILE.test(file) ? await readFile(full, 'utf8') : await readFile(full));
  }
  return files;
}

/**
 * Writes a copy of the production build `source` (SONAE_DIST, else dist/) into `outDir` with
 * the build id `buildId`. Milliseconds, where a `vite build` takes seconds.
 */
export async function copyBuildWithId(source: string, outDir: string, buildId: string) {
  if (!existsSync(path.join(source, 'version.json')))
    throw new Error(`${source} has no version.json: run npm run build (or set SONAE_DIST) first`);
  const files = patchBuildId(await readBuild(source), buildId);
  await rm(outDir, { recursive: true, force: true });
  for (const [file, content] of files) {
    const target = path.join(outDir, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
