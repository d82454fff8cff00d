// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeBuildId, readGitCommit } from '../../../scripts/buildId.ts';
import { BUILD_ID, describeAppVersion } from '../../../src/app/buildInfo.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const at = (iso: string) => new Date(iso);

describe('composeBuildId (版 of a build without SONAE_BUILD_ID)', () => {
  it('is <version>+<UTC yyyymmddHHMM>.<commit>, so two builds of one version differ', () => {
    const first = composeBuildId({
      version: '0.1.0',
      now: at('2026-11-29T09:50:59Z'),
      commit: '3b27c71',
    });
    const second = composeBuildId({
      version: '0.1.0',
      now: at('2026-11-29T09:51:00Z'),
      commit: '3b27c71',
    });
    expect(first).toBe('0.1.0+202611290950.3b27c71');
    expect(second).toBe('0.1.0+202611290951.3b27c71');
    // Another commit in the same minute is another id too.
    expect(
      composeBuildId({ version: '0.1.0', now: at('2026-11-29T09:50:00Z'), commit: 'a1b2c3d' }),
    ).not.toBe(first);
  });

  it('counts in UTC whatever the clock of the building PC (Tokyo 18:50 is 09:50 UTC)', () => {
    expect(composeBuildId({ version: '1.2.3', now: at('2026-12-01T00:05:00+09:00') })).toBe(
      '1.2.3+202611301505',
    );
  });

  it('leaves the commit out when there is none, or when git answered something else', () => {
    expect(
      composeBuildId({ version: '0.1.0', now: at('2026-11-29T00:00:00Z'), commit: null }),
    ).toBe('0.1.0+202611290000');
    expect(
      composeBuildId({ version: '0.1.0', now: at('2026-11-29T00:00:00Z'), commit: 'fatal: no' }),
    ).toBe('0.1.0+202611290000');
  });

  it('uses SONAE_BUILD_ID as given (trimmed), and ignores an empty one', () => {
    const now = at('2026-11-29T00:00:00Z');
    expect(composeBuildId({ version: '0.1.0', given: ' 20261201-1 ', now })).toBe('20261201-1');
    expect(composeBuildId({ version: '0.1.0', given: '', now })).toBe('0.1.0+202611290000');
  });

  it('fails the build for an id a zip name cannot carry, instead of shipping an altered one', () => {
    const now = at('2026-11-29T00:00:00Z');
    for (const given of ['../evil', '2026 12 01', 'x'.repeat(41), '版1'])
      expect(() => composeBuildId({ version: '0.1.0', given, now }), given).toThrow(
        /SONAE_BUILD_ID/,
      );
  });
});

describe('readGitCommit', () => {
  it('reads the short commit of this repository, and null outside any repository', () => {
    expect(readGitCommit(ROOT)).toMatch(/^[0-9a-f]{7,}$/);
    const outside = mkdtempSync(path.join(os.tmpdir(), 'sonae-nogit-'));
    try {
      expect(readGitCommit(outside)).toBeNull();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('describeAppVersion (what 設定 shows as 版)', () => {
  it('shows a default id once, and a release id beside the version', () => {
    expect(describeAppVersion('0.1.0', '0.1.0+202611290950.3b27c71')).toBe(
      '0.1.0+202611290950.3b27c71',
    );
    expect(describeAppVersion('0.1.0', '20261201-1')).toBe('0.1.0（20261201-1）');
    expect(describeAppVersion('0.1.0', '0.1.0')).toBe('0.1.0');
  });

  it('this test run carries a build id that is more than the bare version', () => {
    // Vitest reads vite.config.ts, so this is what a build without SONAE_BUILD_ID gets.
    if (process.env.SONAE_BUILD_ID) return;
    expect(BUILD_ID).toMatch(/^\d+\.\d+\.\d+\+\d{12}(\.[0-9a-f]{7,})?$/);
  });
});
