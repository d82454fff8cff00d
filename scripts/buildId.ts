/**
 * The build id that 版 shows (設定 →「保存領域とオフライン」) and the update e2e test reads, computed
 * once per `vite build` by vite.config.ts. Two builds of one version must never show the same 版,
 * or the IT section cannot tell after an update whether the new build is really running
 * (docs/deployment.md §5, step 6).
 */
import { execFileSync } from 'node:child_process';

/**
 * What a build id may hold: the characters a zip name keeps on every OS, at most 40 of them
 * (scripts/package.ts puts the id in the release's file name).
 */
export const BUILD_ID_PATTERN = /^[0-9A-Za-z._+-]{1,40}$/;

export interface BuildIdInput {
  /** package.json's version, e.g. "0.1.0". */
  version: string;
  /** SONAE_BUILD_ID from the environment; wins when set (a release names its build). */
  given?: string | undefined;
  /** When the build runs. */
  now: Date;
  /** Short git commit of the tree being built, when there is a git repository. */
  commit?: string | null | undefined;
}

/**
 * SONAE_BUILD_ID when given, else `<version>+<UTC yyyymmddHHMM>[.<commit>]` (semver build
 * metadata), e.g. `0.1.0+202611291850.3b27c71`. Pure. Throws for a given id a file name cannot
 * carry, so the build fails instead of shipping an id that the zip's name would alter.
 */
export function composeBuildId({ version, given, now, commit }: BuildIdInput): string {
  const trimmed = given?.trim();
  if (trimmed) {
    if (!BUILD_ID_PATTERN.test(trimmed))
      throw new Error(
        `SONAE_BUILD_ID "${trimmed}" is not a build id: use at most 40 of 0-9 A-Z a-z . _ + -`,
      );
    return trimmed;
  }
  // UTC, so the same build gets the same id whatever the building PC's time zone.
  const stamp = now.toISOString().replace(/[-T:]/g, '').slice(0, 12);
  const suffix = commit && /^[0-9a-f]{4,40}$/.test(commit) ? `.${commit}` : '';
  return `${version}+${stamp}${suffix}`;
}

/** The short commit of HEAD in `cwd`, or null without git or a repository (never the network). */
export function readGitCommit(cwd: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    return out.trim() || null;
  } catch {
    return null;
  }
}
