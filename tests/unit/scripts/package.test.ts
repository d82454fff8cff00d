// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import {
  CHECKSUM_FILE,
  createRelease,
  releaseBuildId,
  builtIdOf,
  releaseFileName,
} from '../../../scripts/package.ts';

const text = (s: string) => new TextEncoder().encode(s);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const day = new Date(2026, 10, 21);

/** dist/ as `vite build` writes it with build.sourcemap 'hidden' (maps present, never named). */
function builtFiles(): Map<string, Uint8Array> {
  return new Map([
    ['index.html', text('<!doctype html>')],
    [
      'sw.js',
      text(
        'precacheAndRoute([{url:"index.html",revision:"1"},{url:"assets/index-abc.js",revision:null}])',
      ),
    ],
    ['manifest.webmanifest', text('{}')],
    ['assets/index-abc.js', text('console.log(1)')],
    ['assets/index-abc.js.map', text('{"mappings":""}')],
    ['icons/icon-192.png', new Uint8Array([137, 80, 78, 71])],
    ['sonae.config.json', text('{"format":"sonae-config","version":1,"trustedKeys":[]}')],
  ]);
}

function unzipRelease(files = builtFiles(), extras?: Map<string, Uint8Array>) {
  const release = createRelease(files, day, extras);
  return { release, entries: unzipSync(release.zip) };
}

describe('releaseFileName and releaseBuildId', () => {
  it('names the zip by version, local date and build id', () => {
    expect(releaseFileName('0.1.0', new Date(2026, 10, 21, 23, 59), '1a2b3c4d')).toBe(
      'sonae-0.1.0-20261121-1a2b3c4d.zip',
    );
    expect(releaseFileName('1.2.3', new Date(2027, 0, 5), 'x')).toBe('sonae-1.2.3-20270105-x.zip');
  });

  it('gives two same-day builds of one version different names', () => {
    const a = createRelease(builtFiles(), day);
    const changed = builtFiles().set('assets/index-abc.js', text('console.log(2)'));
    const b = createRelease(changed, day);
    const idA = releaseBuildId(a.checksums, undefined);
    const idB = releaseBuildId(b.checksums, undefined);
    expect(idA).toMatch(/^[0-9a-f]{8}$/);
    expect(idA).not.toBe(idB);
    // Recomputable from the zip alone: the first 8 digits of SHA256SUMS.txt's own hash.
    expect(idA).toBe(sha256(unzipSync(a.zip)[CHECKSUM_FILE]!).slice(0, 8));
  });

  it('uses the build id 版 shows when the build was given one', () => {
    expect(releaseBuildId('x', '20261121-2')).toBe('20261121-2');
    expect(releaseBuildId('x', '0.1.0+202611291850.3b27c71')).toBe('0.1.0+202611291850.3b27c71');
    expect(releaseBuildId('x', '../evil name')).toBe('..evilname');
  });

  it('reads the build id from the version.json the build writes', () => {
    const files = builtFiles().set(
      'version.json',
      text('{"version":"0.1.0","buildId":"0.1.0+202611291850.3b27c71"}\n'),
    );
    expect(builtIdOf(files)).toBe('0.1.0+202611291850.3b27c71');
    expect(builtIdOf(builtFiles())).toBeUndefined();
    expect(builtIdOf(builtFiles().set('version.json', text('{oops')))).toBeUndefined();
  });
});

describe('createRelease', () => {
  it('puts the build in one sonae/ folder with SHA256SUMS.txt beside it, bytes intact', () => {
    const { entries } = unzipRelease();
    expect(Object.keys(entries).sort()).toEqual([
      CHECKSUM_FILE,
      'sonae/assets/index-abc.js',
      'sonae/icons/icon-192.png',
      'sonae/index.html',
      'sonae/manifest.webmanifest',
      'sonae/sonae.config.example.json',
      'sonae/sw.js',
    ]);
    expect(decode(entries['sonae/index.html'])).toBe('<!doctype html>');
    expect(entries['sonae/icons/icon-192.png']).toEqual(new Uint8Array([137, 80, 78, 71]));
  });

  it('lists every other file of the zip in SHA256SUMS.txt, in sha256sum -c format', () => {
    const { release, entries } = unzipRelease();
    expect(decode(entries[CHECKSUM_FILE])).toBe(release.checksums);
    const lines = release.checksums.trimEnd().split('\n');
    const listed = lines.map((line) => {
      const [hash, path] = line.split('  ');
      expect(hash).toBe(sha256(entries[path!]!));
      return path;
    });
    expect(listed).toEqual(
      Object.keys(entries)
        .filter((p) => p !== CHECKSUM_FILE)
        .sort(),
    );
  });

  it('never ships the sonae.config.json the site edits, only the example', () => {
    const { entries } = unzipRelease();
    expect(Object.keys(entries).some((path) => path.endsWith('/sonae.config.json'))).toBe(false);
    expect(JSON.parse(decode(entries['sonae/sonae.config.example.json']))).toEqual({
      format: 'sonae-config',
      version: 1,
      trustedKeys: [],
    });
    // Once public/ holds the example itself, that file ships and a stray live config does not.
    const both = builtFiles().set('sonae.config.example.json', text('{"example":true}'));
    const shipped = unzipRelease(both).entries;
    expect(decode(shipped['sonae/sonae.config.example.json'])).toBe('{"example":true}');
    expect(shipped['sonae/sonae.config.json']).toBeUndefined();
  });

  it('leaves the maps out of the zip and keeps them in a separate one', () => {
    const { release, entries } = unzipRelease();
    expect(Object.keys(entries).some((path) => path.endsWith('.map'))).toBe(false);
    expect(Object.keys(unzipSync(release.sourceMaps!))).toEqual(['sonae/assets/index-abc.js.map']);
  });

  it('ships no .js or .css that names a .map the zip lacks', () => {
    const { entries } = unzipRelease();
    for (const [path, bytes] of Object.entries(entries)) {
      if (!/\.(js|css)$/.test(path)) continue;
      for (const [, url] of decode(bytes).matchAll(/sourceMappingURL=(\S+)/g))
        expect(entries[`${path.slice(0, path.lastIndexOf('/') + 1)}${url}`], path).toBeDefined();
    }
    // What sourcemap: true did (sw.js named its map twice): refused, never released.
    const named = builtFiles()
      .set('sw.js', text('x\n//# sourceMappingURL=sw.js.map\n//# sourceMappingURL=sw.js.map'))
      .set('sw.js.map', text('{}'));
    expect(() => createRelease(named, day)).toThrow(/sw\.js → sw\.js\.map/);
    const css = builtFiles().set('assets/a.css', text('a{}\n/*# sourceMappingURL=a.css.map */'));
    expect(() => createRelease(css, day)).toThrow(/assets\/a\.css → a\.css\.map/);
    const inline = builtFiles().set(
      'assets/b.js',
      text('//# sourceMappingURL=data:application/json;base64,e30='),
    );
    expect(() => createRelease(inline, day)).not.toThrow();
  });

  it('refuses a build whose sw.js precaches a file the zip lacks', () => {
    const files = builtFiles();
    files.delete('assets/index-abc.js');
    expect(() => createRelease(files, day)).toThrow(/precaches.*assets\/index-abc\.js/);
  });

  it('refuses a build without its service worker', () => {
    const files = builtFiles();
    files.delete('sw.js');
    expect(() => createRelease(files, day)).toThrow(/sw\.js/);
  });

  it('puts sample server configs beside the folder, never in the web root', () => {
    const extras = new Map([['deploy/nginx.conf', text('location /sonae/ {}')]]);
    const { release, entries } = unzipRelease(builtFiles(), extras);
    expect(decode(entries['deploy/nginx.conf'])).toBe('location /sonae/ {}');
    expect(release.checksums).toContain('  deploy/nginx.conf\n');
    const intoFolder = new Map([['sonae/web.config', text('<configuration/>')]]);
    expect(() => createRelease(builtFiles(), day, intoFolder)).toThrow(/beside/);
  });
});
