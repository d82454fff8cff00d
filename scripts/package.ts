/**
 * Packs the built app (dist/) into release/sonae-<version>-<yyyymmdd>.zip for the IT section:
 * unzip, copy the `sonae/` folder to the web server, done (docs/deployment.md).
 * Run through `npm run package`, which builds first.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, type Zippable } from 'fflate';

/** Files without which the copied folder would not open or not work offline. */
export const REQUIRED_FILES = ['index.html', 'sw.js', 'manifest.webmanifest'] as const;

/** The folder name inside the zip, i.e. the folder the IT section copies. */
export const PACKAGE_FOLDER = 'sonae';

/** release/sonae-0.1.0-20261121.zip, dated in the packaging PC's local time. */
export function releaseFileName(version: string, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  return `sonae-${version}-${day}.zip`;
}

// Already-compressed formats are stored as they are; compressing them again only costs time.
const STORED = /\.(png|jpe?g|gif|webp|woff2?|zip)$/i;

/**
 * Builds the zip from the built files (paths relative to dist/, with '/'). Source maps are
 * left out: the copied folder is for staff, not for debugging. Throws when a required file
 * is missing, so a broken build never becomes a release.
 */
export function createReleaseZip(files: Map<string, Uint8Array>, mtime: Date): Uint8Array {
  const missing = REQUIRED_FILES.filter((name) => !files.has(name));
  if (missing.length > 0)
    throw new Error(`dist/ is missing ${missing.join(', ')}: run npm run build`);
  const tree: Zippable = {};
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (path.endsWith('.map')) continue;
    tree[`${PACKAGE_FOLDER}/${path}`] = [bytes, { level: STORED.test(path) ? 0 : 9, mtime }];
  }
  return zipSync(tree);
}

async function readTree(root: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(root, full).split(sep).join('/'), await readFile(full));
  }
  return files;
}

async function main() {
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  const now = new Date();
  const zip = createReleaseZip(await readTree('dist'), now);
  const name = releaseFileName(version, now);
  await mkdir('release', { recursive: true });
  await writeFile(join('release', name), zip);
  // A checksum the IT section can compare after carrying the file on removable media.
  const sha256 = createHash('sha256').update(zip).digest('hex');
  await writeFile(join('release', `${name}.sha256`), `${sha256}  ${name}\n`);
  console.log(`release/${name}  ${(zip.length / 1024).toFixed(0)} KiB  sha256 ${sha256}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
