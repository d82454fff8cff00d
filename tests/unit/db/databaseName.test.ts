import { describe, expect, it } from 'vitest';
import {
  LEGACY_DATABASE_NAME,
  basePathOfDatabase,
  databaseNameForPath,
  normaliseBasePath,
} from '../../../src/db/databaseName.ts';
import { DATABASE_NAME } from '../../../src/db/database.ts';

describe('normaliseBasePath', () => {
  // pathname as the browser reports it → the one spelling the database is named after
  it.each([
    ['/sonae', '/sonae/'],
    ['/sonae/', '/sonae/'],
    ['/Sonae/index.html', '/sonae/'],
    ['/SONAE/INDEX.HTML', '/sonae/'],
    ['/a/b/sonae/', '/a/b/sonae/'],
    ['/a/b/sonae', '/a/b/sonae/'],
    ['/city//sonae/', '/city/sonae/'],
    ['/', '/'],
    ['/index.html', '/'],
    ['', '/'],
    ['/sonae.old/', '/sonae.old/'],
    // The browser percent-encodes non-ASCII paths; the hex case must not make a second database.
    ['/%E5%82%99%E3%81%88/', '/%e5%82%99%e3%81%88/'],
  ])('%s → %s', (pathname, expected) => {
    expect(normaliseBasePath(pathname)).toBe(expected);
  });

  it('keeps different folders apart', () => {
    expect(normaliseBasePath('/sonae/')).not.toBe(normaliseBasePath('/sonae.new/'));
    expect(normaliseBasePath('/sonae/')).not.toBe(normaliseBasePath('/bcp/sonae/'));
  });
});

describe('databaseNameForPath', () => {
  it('names the database after the normalised folder', () => {
    expect(databaseNameForPath('/city/sonae/')).toBe('sonae:/city/sonae/');
    expect(databaseNameForPath('/Sonae/index.html')).toBe('sonae:/sonae/');
    expect(databaseNameForPath('/sonae')).toBe(databaseNameForPath('/sonae/'));
  });

  it('never hands out the legacy shared name', () => {
    expect(LEGACY_DATABASE_NAME).toBe(DATABASE_NAME);
    expect(DATABASE_NAME).toBe('sonae');
    for (const path of ['/', '', '/sonae/', 'sonae'])
      expect(databaseNameForPath(path)).not.toBe(LEGACY_DATABASE_NAME);
  });

  it('reads the folder back from a name', () => {
    expect(basePathOfDatabase(databaseNameForPath('/A/b'))).toBe('/a/b/');
    expect(basePathOfDatabase(LEGACY_DATABASE_NAME)).toBeNull();
    expect(basePathOfDatabase('other')).toBeNull();
  });
});
