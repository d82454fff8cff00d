// Replaced at build time by vite.config.ts `define` (and by Vitest, which reads the same config).
declare const __SONAE_VERSION__: string;
declare const __SONAE_BUILD_ID__: string;

/** The release number from package.json, e.g. "0.1.0". */
export const APP_VERSION: string = __SONAE_VERSION__;

/**
 * Tells two builds of one version apart: SONAE_BUILD_ID at build time, else
 * `<version>+<UTC yyyymmddHHMM>.<git commit>` (scripts/buildId.ts).
 */
export const BUILD_ID: string = __SONAE_BUILD_ID__;

/**
 * What 版 shows: 「0.1.0+202611291850.3b27c71」 for a default id (it starts with the version
 * already), 「0.1.0（20261201-1）」 for a release's own id.
 */
export function describeAppVersion(version = APP_VERSION, buildId = BUILD_ID): string {
  if (buildId === version || buildId.startsWith(`${version}+`)) return buildId;
  return `${version}（${buildId}）`;
}
