import { chromium, type BrowserServer } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS, SHARED_BROWSER_ENV } from './browser.ts';

let server: BrowserServer | undefined;

/**
 * One Chromium for every e2e file: each file connects to it instead of starting its own (a
 * start costs about a second on a 2-core machine). Files that need other flags still launch
 * their own. The endpoint travels in the environment, which the test workers inherit.
 */
export async function setup() {
  server = await chromium.launchServer({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  process.env[SHARED_BROWSER_ENV] = server.wsEndpoint();
}

export async function teardown() {
  await server?.close();
}
