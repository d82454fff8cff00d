import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { createReleaseZip, releaseFileName } from '../../../scripts/package.ts';

const text = (s: string) => new TextEncoder().encode(s);

function builtFiles(): Map<string, Uint8Array> {
  return new Map([
    ['index.html', text('<!doctype html>')],
    ['sw.js', text('self.define=1')],
    ['manifest.webmanifest', text('{}')],
    ['assets/index-abc.js', text('console.log(1)')],
    ['assets/index-abc.js.map', text('{"mappings":""}')],
    ['icons/icon-192.png', new Uint8Array([137, 80, 78, 71])],
  ]);
}

describe('releaseFileName', () => {
  it('names the zip by version and local date', () => {
    expect(releaseFileName('0.1.0', new Date(2026, 10, 21, 23, 59))).toBe(
      'sonae-0.1.0-20261121.zip',
    );
    expect(releaseFileName('1.2.3', new Date(2027, 0, 5))).toBe('sonae-1.2.3-20270105.zip');
  });
});

describe('createReleaseZip', () => {
  it('puts the build in one sonae/ folder, without source maps, bytes intact', () => {
    const entries = unzipSync(createReleaseZip(builtFiles(), new Date(2026, 10, 21)));
    expect(Object.keys(entries).sort()).toEqual([
      'sonae/assets/index-abc.js',
      'sonae/icons/icon-192.png',
      'sonae/index.html',
      'sonae/manifest.webmanifest',
      'sonae/sw.js',
    ]);
    expect(new TextDecoder().decode(entries['sonae/sw.js'])).toBe('self.define=1');
    expect(entries['sonae/icons/icon-192.png']).toEqual(new Uint8Array([137, 80, 78, 71]));
  });

  it('refuses a build without its service worker', () => {
    const files = builtFiles();
    files.delete('sw.js');
    expect(() => createReleaseZip(files, new Date())).toThrow(/sw\.js/);
  });
});
