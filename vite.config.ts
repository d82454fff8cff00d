import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { composeBuildId, readGitCommit } from './scripts/buildId.ts';
import { firstScreenChunk } from './scripts/firstScreenChunk.ts';

// Loaded lazily by the first screen; one chunk (see scripts/firstScreenChunk.ts).
const firstScreen = firstScreenChunk([
  'src/features/outage/OutagePage.tsx',
  'src/app/BackupReminder.tsx',
  'src/features/review/ReviewNavCount.tsx',
]);

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

// base './' + hash routing: one build works under any sub-path of any static server,
// with no rewrite rules (see docs/deployment.md).
// Tells two builds of one version apart: SONAE_BUILD_ID (a release, the update e2e test), else
// <version>+<UTC minute>.<git commit> (scripts/buildId.ts). Computed once per build.
const buildId = composeBuildId({
  version,
  given: process.env.SONAE_BUILD_ID,
  now: new Date(),
  commit: readGitCommit(fileURLToPath(new URL('.', import.meta.url))),
});

export default defineConfig({
  base: './',
  define: {
    __SONAE_VERSION__: JSON.stringify(version),
    // Tells two builds of one version apart: SONAE_BUILD_ID (a release, the update e2e test), else
    // <version>+<UTC minute>.<git commit> (scripts/buildId.ts).
    __SONAE_BUILD_ID__: JSON.stringify(buildId),
  },
  plugins: [
    firstScreen.plugin,
    // The dev server injects <style> elements, which index.html's CSP forbids in the real app.
    {
      name: 'sonae:csp-dev',
      apply: 'serve',
      transformIndexHtml: (html: string) =>
        html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"),
    },
    // version.json: the build id for `npm run package` (the zip's name says the same as 版) and
    // for an administrator who wants to know which build a server holds.
    {
      name: 'sonae:version-file',
      apply: 'build',
      generateBundle() {
        this.emitFile({
          type: 'asset',
          fileName: 'version.json',
          source: `${JSON.stringify({ version, buildId })}\n`,
        });
      },
    },
    react(),
    VitePWA({
      // The app registers the worker itself (src/app/serviceWorker.ts) and asks before updating.
      registerType: 'prompt',
      strategies: 'generateSW',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      // The glob below already precaches public/icons; listing them twice is only noise.
      includeManifestIcons: false,
      manifest: {
        lang: 'ja',
        dir: 'ltr',
        name: '備え Sonae — 障害対応・業務継続デスク',
        short_name: '備え',
        description:
          'システム障害の記録、連絡先、代替手順をネットワークなしで使える、自治体職員のための障害対応・業務継続デスク',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#1d4e89',
        background_color: '#ffffff',
        // Generated offline by scripts/generate-icons.ts; committed under public/icons/.
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Every file the app needs, so it opens with the server or the network gone.
        // Source maps are left out: nobody needs them offline. The plugin adds the web manifest
        // itself (with its own revision), so the glob skips that one file to avoid a twin entry.
        // sonae.config.json is edited by the IT section on the server after deployment, so it is
        // not frozen into the precache: see runtimeCaching below.
        globPatterns: ['**/*.{html,js,css,svg,png,ico,webmanifest,json,txt}'],
        globIgnores: ['**/*.map', 'manifest.webmanifest', 'sonae.config.json'],
        navigateFallback: 'index.html',
        // A fresh install takes over the page at once, so the first visit is already offline-ready.
        // Updates still wait for the person's 「更新する」 (no skipWaiting).
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // One self-contained sw.js: the only file besides index.html that must never be cached.
        inlineWorkboxRuntime: true,
        // No sw.js.map: the plugin would otherwise follow build.sourcemap, and workbox-build then
        // names the map twice at the end of sw.js — a map the release zip does not carry (404).
        sourcemap: false,
        // The only runtime route, same origin only (nothing is ever fetched from elsewhere): the
        // deployment config, fresh from the server when it answers, the last copy when it does not.
        runtimeCaching: [
          {
            urlPattern: ({ sameOrigin, url }) =>
              sameOrigin && url.pathname.endsWith('/sonae.config.json'),
            handler: 'NetworkFirst',
            options: { cacheName: 'sonae-config', networkTimeoutSeconds: 5 },
          },
        ],
      },
    }),
  ],
  // 'hidden': the maps are written to dist/ (and by `npm run package` to a separate
  // *-sourcemaps.zip) for reading a stack trace, but no shipped file names them, so F12 on a
  // staff PC shows no 404 for a .map the release leaves out.
  build: {
    target: 'es2022',
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'first-screen', test: firstScreen.test, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    // A 2-core CI machine running jsdom files in parallel can take seconds over a component test
    // that is quick alone; the default 5 s failed such tests at random. Nothing here is a timing.
    testTimeout: 20_000,
  },
});
