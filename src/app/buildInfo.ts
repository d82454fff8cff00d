// Replaced at build time by vite.config.ts `define` (and by Vitest, which reads the same config).
declare const __SONAE_VERSION__: string;
declare const __SONAE_BUILD_ID__: string;

/** The release number from package.json, e.g. "0.1.0". */
export const APP_VERSION: string = __SONAE_VERSION__;

/** Tells two builds of one version apart (SONAE_BUILD_ID at build time; the version otherwise). */
export const BUILD_ID: string = __SONAE_BUILD_ID__;

/** 「0.1.0」, or 「0.1.0（20261121-1）」 when the build carries its own id. */
export function describeAppVersion(): string {
  return BUILD_ID === APP_VERSION ? APP_VERSION : `${APP_VERSION}（${BUILD_ID}）`;
}
