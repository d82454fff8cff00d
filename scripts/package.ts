/**
 * Packs the built app (dist/) into release/sonae-<version>-<yyyymmdd>-<build id>.zip for the IT
 * section: unzip, check SHA256SUMS.txt, copy the `sonae/` folder to the web server
 * (docs/deployment.md). Run through `npm run package`, which builds first.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, type Zippable } from 'fflate';

/** Files without which the copied folder would not open or not work offline. */
export const REQUIRED_FILES = ['index.html', 'sw.js', 'manifest.webmanifest'] as const;

/** The folder name inside the zip, i.e. the folder the IT section copies. */
export const PACKAGE_FOLDER = 'sonae';

/** At the zip's root, beside the folder: `<sha256>  sonae/<path>`, one line per file. */
export const CHECKSUM_FILE = 'SHA256SUMS.txt';

/**
 * The IT section edits `sonae.config.json` on its server; a zip that carried one would overwrite
 * the site's keys on every update. The release ships the template under another name instead.
 */
export const SITE_CONFIG = 'sonae.config.json';
export const SITE_CONFIG_EXAMPLE = 'sonae.config.example.json';

/**
 * Beside the folder: the standalone bundle checker (scripts/build-verifier.ts), which an auditor
 * opens on a Windows PC straight from the unpacked zip; listed in SHA256SUMS.txt like every file.
 */
export const CHECKER_PATH = 'tools/bundle-checker.html';

/** release/sonae-0.1.0-20261121-1a2b3c4d.zip, dated in the packaging PC's local time. */
export function releaseFileName(version: string, date: Date, buildId: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  return `sonae-${version}-${day}-${buildId}.zip`;
}

/**
 * The build id in the zip's name: the one 版 shows, from the build's version.json
 * (vite.config.ts writes it), else the first 8 hex digits of SHA256SUMS.txt's own SHA-256 — two
 * different builds never share a name, and anyone can recompute it from the zip.
 */
export function releaseBuildId(checksums: string, builtId: string | undefined): string {
  const given = builtId?.replace(/[^0-9A-Za-z._+-]/g, '').slice(0, 40);
  if (given) return given;
  return sha256Hex(new TextEncoder().encode(checksums)).slice(0, 8);
}

/** The build id written into dist/version.json by the build, if any. */
export function builtIdOf(files: ReadonlyMap<string, Uint8Array>): string | undefined {
  const file = files.get('version.json');
  if (!file) return undefined;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(file)) as { buildId?: unknown };
    return typeof parsed.buildId === 'string' ? parsed.buildId : undefined;
  } catch {
    return undefined;
  }
}

export interface Release {
  zip: Uint8Array;
  /** The text of SHA256SUMS.txt (also inside the zip). */
  checksums: string;
  /** Source maps of this build (`sonae/assets/x.js.map`), kept apart for debugging; null if none. */
  sourceMaps: Uint8Array | null;
}

// Already-compressed formats are stored as they are; compressing them again only costs time.
const STORED = /\.(png|jpe?g|gif|webp|woff2?|zip)$/i;

/**
 * Builds the release from the built files (paths relative to dist/, with '/'). Source maps stay
 * out of the zip (build.sourcemap is 'hidden': no file names one); the site's config ships only
 * as the example. Throws when the folder would be broken — a required file missing, a file naming
 * a map the zip lacks, or sw.js precaching a file the zip lacks — so it never becomes a release.
 * `extras` are files beside the folder (e.g. `deploy/nginx.conf`), never copied to the web root.
 */
export function createRelease(
  files: Map<string, Uint8Array>,
  mtime: Date,
  extras: Map<string, Uint8Array> = new Map(),
): Release {
  const missing = REQUIRED_FILES.filter((name) => !files.has(name));
  if (missing.length > 0)
    throw new Error(`dist/ is missing ${missing.join(', ')}: run npm run build`);
  const shipped = new Map<string, Uint8Array>();
  const maps = new Map<string, Uint8Array>();
  for (const [path, bytes] of files) {
    if (path.endsWith('.map')) maps.set(path, bytes);
    else if (path === SITE_CONFIG) {
      if (!files.has(SITE_CONFIG_EXAMPLE)) shipped.set(SITE_CONFIG_EXAMPLE, bytes);
    } else shipped.set(path, bytes);
  }
  checkMapReferences(shipped);
  checkPrecache(shipped);

  const entries = new Map<string, Uint8Array>();
  for (const [path, bytes] of shipped) entries.set(`${PACKAGE_FOLDER}/${path}`, bytes);
  for (const [path, bytes] of extras) {
    if (path.startsWith(`${PACKAGE_FOLDER}/`) || path === CHECKSUM_FILE)
      throw new Error(`${path}: extra files go beside the ${PACKAGE_FOLDER}/ folder`);
    entries.set(path, bytes);
  }
  const checksums = sha256Sums(entries);
  entries.set(CHECKSUM_FILE, new TextEncoder().encode(checksums));
  return {
    zip: zipEntries(entries, mtime),
    checksums,
    sourceMaps:
      maps.size === 0
        ? null
        : zipEntries(
            new Map([...maps].map(([path, bytes]) => [`${PACKAGE_FOLDER}/${path}`, bytes])),
            mtime,
          ),
  };
}

/** `sha256sum -c` format, sorted by path, LF line ends. */
export function sha256Sums(entries: Map<string, Uint8Array>): string {
  return [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, bytes]) => `${sha256Hex(bytes)}  ${path}\n`)
    .join('');
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function zipEntries(entries: Map<string, Uint8Array>, mtime: Date): Uint8Array {
  const tree: Zippable = {};
  for (const [path, bytes] of [...entries].sort(([a], [b]) => a.localeCompare(b)))
    tree[path] = [bytes, { level: STORED.test(path) ? 0 : 9, mtime }];
  return zipSync(tree);
}

const MAP_REFERENCE = /[#@]\s*sourceMappingURL=([^\s*'"]+)/g;

/** Every `sourceMappingURL` in a shipped .js/.css must name a shipped file: no 404 in F12. */
export function checkMapReferences(shipped: Map<string, Uint8Array>): void {
  const dangling: string[] = [];
  for (const [path, bytes] of shipped) {
    if (!/\.(m?js|css)$/.test(path)) continue;
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    for (const [, url = ''] of new TextDecoder().decode(bytes).matchAll(MAP_REFERENCE)) {
      if (url.startsWith('data:')) continue;
      if (!shipped.has(resolveRelative(folder, url))) dangling.push(`${path} → ${url}`);
    }
  }
  if (dangling.length > 0)
    throw new Error(
      `source map references to files the zip leaves out (set build.sourcemap to 'hidden'): ${dangling.join(', ')}`,
    );
}

const PRECACHE_ENTRY = /["']?url["']?\s*:\s*["']([^"']+)["']\s*,\s*["']?revision/g;

/** Every file sw.js precaches must be in the zip, or the offline install fails on every PC. */
export function checkPrecache(shipped: Map<string, Uint8Array>): void {
  const worker = shipped.get('sw.js');
  if (!worker) return;
  const urls = [...new TextDecoder().decode(worker).matchAll(PRECACHE_ENTRY)].map(([, u]) => u!);
  const missing = urls.filter((url) => !shipped.has(resolveRelative('', url)));
  if (missing.length > 0)
    throw new Error(`sw.js precaches files the zip leaves out: ${missing.join(', ')}`);
}

function resolveRelative(folder: string, url: string): string {
  const parts: string[] = [];
  for (const part of `${folder}${url.split(/[?#]/)[0]}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

async function readTree(root: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  if (!existsSync(root)) return files;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(root, full).split(sep).join('/'), await readFile(full));
  }
  return files;
}

export interface WrittenRelease {
  /** Path of the zip. */
  path: string;
  /** The zip's own SHA-256, to compare with the value announced through another channel. */
  sha256: string;
  sizeBytes: number;
}

/**
 * Packs a built folder (`dist`) with the project's deploy/ samples and the bundle checker
 * (tools/) beside sonae/ into `outDir`, dated `date`, with its .sha256 line and the separate
 * source-map zip. `npm run package` and the deployment e2e test both pack through here.
 */
export async function writeRelease(options: {
  dist: string;
  outDir: string;
  date: Date;
  buildId?: string | undefined;
}): Promise<WrittenRelease> {
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  // Sample server configs, when the project has them, travel beside the folder (never inside it).
  const deploy = await readTree('deploy');
  const extras = new Map([...deploy].map(([path, bytes]) => [`deploy/${path}`, bytes]));
  const built = await readTree(options.dist);
  const givenId = options.buildId ?? builtIdOf(built);
  // Built here, with the build id of the app it ships with, so its 版 is never another build's.
  // Imported on use: it loads Vite, which nothing else in this module needs.
  const { buildCheckerHtml } = await import('./build-verifier.ts');
  const checker = await buildCheckerHtml(givenId ?? version, version);
  extras.set(CHECKER_PATH, new TextEncoder().encode(checker));
  const release = createRelease(built, options.date, extras);
  const buildId = releaseBuildId(release.checksums, givenId);
  const name = releaseFileName(version, options.date, buildId);
  await mkdir(options.outDir, { recursive: true });
  const path = join(options.outDir, name);
  await writeFile(path, release.zip);
  const sha256 = sha256Hex(release.zip);
  await writeFile(`${path}.sha256`, `${sha256}  ${name}\n`);
  if (release.sourceMaps)
    await writeFile(path.replace(/\.zip$/, '-sourcemaps.zip'), release.sourceMaps);
  return { path, sha256, sizeBytes: release.zip.length };
}

async function main() {
  const release = await writeRelease({
    dist: 'dist',
    outDir: 'release',
    date: new Date(),
  });
  console.log(
    `${release.path}  ${(release.sizeBytes / 1024).toFixed(0)} KiB  sha256 ${release.sha256}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
