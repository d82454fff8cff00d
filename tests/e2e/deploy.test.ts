import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, OFFICE_CONTEXT, screenshot, watchContext } from './browser.ts';
import { buildApp, setUpStation } from './offlineHelpers.ts';
import { findExecutable, startApache, startNginx, type RealServer } from './realServers.ts';
import { docBlock, packageBuild, runDocCommands, type PackagedZip } from './deploySteps.ts';
import {
  acceptUpdate,
  expectIncident,
  expectOfflineUse,
  expectServedAsShipped,
  expectVersionAndKey,
  recordIncident,
} from './deployChecks.ts';
import {
  computeKeyId,
  encodePublicKeyPem,
  formatKeyFingerprint,
  generateKeyPair,
} from '../../src/exchange/keys.ts';

// The release zip as an IT section gets it, installed, updated and rolled back by the commands
// of docs/deployment.md (1.1, 5, 6) on real nginx and Apache with the shipped deploy/ samples,
// then used in Chromium: the redirect, the headers, the pre-trusted key, data and offline use.

const NGINX = findExecutable('nginx');
const APACHE = findExecutable('apache2');
const skipped = (what: string) => ` — SKIPPED: ${what} is not installed (apt-get install ${what})`;
for (const [name, path] of [['nginx', NGINX] as const, ['apache2', APACHE] as const])
  if (!path) console.warn(`deploy.test.ts:${skipped(name)}; .ci/run installs it.`);
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
// Build ids as the doc's examples: 版 shows 「0.1.0（20261201-1）」.
const BUILD_A = '20261201-1';
const BUILD_B = '20261208-1';

let work: string;
let browser: Browser;
const zips: Record<'a' | 'b', PackagedZip> = {} as never;
const servers: RealServer[] = [];
const keyPair = generateKeyPair();
const configKey = {
  label: '情報政策課（配布設定）',
  role: 'it-section',
  publicKeyPem: encodePublicKeyPem(keyPair.publicKey),
};
const shownKey = {
  label: configKey.label,
  fingerprint: formatKeyFingerprint(computeKeyId(keyPair.publicKey)),
};

/** 5, step 6: 版 shows this build, and the key from sonae.config.json is listed. */
function expectBuild(page: Page, base: string, build: string): Promise<void> {
  return expectVersionAndKey(page, base, `${version}（${build}）`, shownKey);
}

/** 5, steps 5 and 6 after the folder changed: 「更新する」, then 版, the key and the record. */
async function expectUpdatedTo(page: Page, base: string, build: string, title: string) {
  await acceptUpdate(page, base);
  await expectIncident(page, base, title);
  await expectBuild(page, base, build);
}

/** What a new tab must show with the server stopped: the record, 版 and the key. */
function opensOffline(base: string, title: string, build: string) {
  return async (page: Page) => {
    await expectIncident(page, base, title);
    await expectBuild(page, base, build);
  };
}

beforeAll(async () => {
  if (!NGINX && !APACHE) return;
  work = await mkdtemp(join(tmpdir(), 'sonae-deploy-'));
  await chmod(work, 0o755); // the servers' workers (www-data) read the folders below
  await Promise.all([
    buildApp(join(work, 'dist-a'), BUILD_A),
    buildApp(join(work, 'dist-b'), BUILD_B),
  ]);
  zips.a = await packageBuild(join(work, 'dist-a'), work, BUILD_A, new Date(2026, 11, 1, 9));
  zips.b = await packageBuild(join(work, 'dist-b'), work, BUILD_B, new Date(2026, 11, 8, 9));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** 1.1 as written: unpack and check, the config from its example with the key, then copy. */
async function install(copy: { WORK: string; WEB: string }, htaccess = false): Promise<void> {
  const printed = await runDocCommands('install-unpack', { ZIP: zips.a.path, ...copy });
  expect(printed).toContain(zips.a.sha256); // 確認 1 shows the value to compare
  expect((await readdir(join(copy.WORK, 'new'))).sort()).toEqual([
    'SHA256SUMS.txt',
    'deploy',
    'sonae',
    'tools',
  ]);
  // The administrator's edit (docs/deployment-keys.md): the IT section's key into trustedKeys.
  const configPath = join(copy.WORK, 'new', 'sonae', 'sonae.config.json');
  const config = JSON.parse(await readFile(configPath, 'utf8')) as { trustedKeys: unknown[] };
  config.trustedKeys.push(configKey);
  await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`);
  if (htaccess) await runDocCommands('install-htaccess', copy);
  await runDocCommands('install-copy', copy);
}

describe('deploy/web.config for IIS 10', () => {
  it("is marked 未検証 where the doc says so, and sends 3.4's header as printed", async () => {
    const sample = await readFile('deploy/web.config', 'utf8');
    expect(sample).toContain('【未検証】');
    expect(sample).toContain(`value="${docBlock('csp').trim()}"`);
    expect(readFileSync('docs/deployment.md', 'utf8')).toContain('### 3.1 IIS 10（未検証）');
  });
});

describe.skipIf(!NGINX)(`nginx with deploy/nginx.conf${NGINX ? '' : skipped('nginx')}`, () => {
  let nginx: RealServer;
  const copy = () => ({ WORK: join(work, 'nginx-work'), WEB: join(work, 'nginx-www', 'sonae') });

  it('serves /sonae/ as shipped and /bcp/sonae/ as README.txt says to change it', async () => {
    const www = join(work, 'nginx-www');
    const bcp = { WORK: join(work, 'nginx-work-bcp'), WEB: join(www, 'bcp', 'sonae') };
    await Promise.all([install(copy()), install(bcp)]);
    const conf = join(work, 'nginx');
    await mkdir(conf);
    // 3.3: the root line names the folder above sonae/; README.txt: another path, another prefix.
    const shipped = await readFile('deploy/nginx.conf', 'utf8');
    expect(shipped).toContain('root /var/www;');
    const rooted = (text: string) => text.replace('root /var/www;', `root ${www};`);
    await writeFile(join(conf, 'sonae.conf'), rooted(shipped));
    await writeFile(
      join(conf, 'bcp-sonae.conf'),
      rooted(shipped.replaceAll('/sonae', '/bcp/sonae')),
    );
    nginx = await startNginx(conf, `include ${conf}/sonae.conf;\ninclude ${conf}/bcp-sonae.conf;`);
    servers.push(nginx);
    await expectServedAsShipped(nginx.origin, '/sonae/', copy().WEB);
    await expectServedAsShipped(nginx.origin, '/bcp/sonae/', bcp.WEB);
  });

  it('opens, works offline, updates by 5 and rolls back by 6 with key and data', async () => {
    const base = `${nginx.origin}/sonae/`;
    const context = await browser.newContext(OFFICE_CONTEXT);
    const watch = watchContext(context, nginx.origin);
    const page = await context.newPage();
    await page.goto(`${nginx.origin}/sonae`);
    expect(page.url()).toBe(base);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    // The demo is loaded once the outage screen shows; going on before that raced its loading.
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await recordIncident(page, base, 'nginx で記録した障害');
    await expectBuild(page, base, BUILD_A);
    await expectOfflineUse(
      context,
      nginx,
      base,
      opensOffline(base, 'nginx で記録した障害', BUILD_A),
    );

    const webRoot = await readdir(join(work, 'nginx-www'));
    await runDocCommands('update', { ZIP: zips.b.path, ...copy() });
    expect(await readdir(join(work, 'nginx-www'))).toEqual(webRoot); // old and new stay outside
    await expectUpdatedTo(page, base, BUILD_B, 'nginx で記録した障害');
    await screenshot(page, 'deploy-nginx-updated', true);
    await expectOfflineUse(
      context,
      nginx,
      base,
      opensOffline(base, 'nginx で記録した障害', BUILD_B),
    );

    await runDocCommands('rollback', copy());
    await expectUpdatedTo(page, base, BUILD_A, 'nginx で記録した障害');
    await screenshot(page, 'deploy-nginx-rolled-back', true);
    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 180_000);
});

describe.skipIf(!APACHE)(`Apache with deploy/${APACHE ? '' : skipped('apache2')}`, () => {
  let apache: RealServer;
  const www = () => join(work, 'apache-www');
  const bcp = () => ({
    WORK: join(work, 'apache-work-bcp'),
    WEB: join(www(), 'html', 'bcp', 'sonae'),
  });
  // 3.2: the AllowOverride block for the .htaccess folder, as the doc prints it.
  const allowOverride = (folder: string) =>
    docBlock('apache-allowoverride').replace('/var/www/html/sonae', folder);

  it('serves /sonae/ by apache-sonae.conf and /bcp/sonae/ by the shipped .htaccess', async () => {
    const main = { WORK: join(work, 'apache-work'), WEB: join(www(), 'sonae') };
    await Promise.all([install(main), install(bcp(), true)]);
    const shipped = await readFile('deploy/apache-sonae.conf', 'utf8');
    const site = `${shipped.replaceAll('/var/www/sonae', main.WEB)}\n${allowOverride(bcp().WEB)}`;
    const conf = join(work, 'apache');
    await mkdir(conf);
    apache = await startApache(conf, www(), site);
    servers.push(apache);
    await expectServedAsShipped(apache.origin, '/sonae/', main.WEB);
    await expectServedAsShipped(apache.origin, '/bcp/sonae/', bcp().WEB);
  });

  it('needs every word of the AllowOverride the doc names (less gives HTTP 500)', async () => {
    const block = allowOverride(bcp().WEB);
    const words = /AllowOverride (.+)/.exec(block)![1]!.trim().split(/\s+/);
    expect(words).toEqual(['FileInfo', 'Indexes', 'Options=Indexes']);
    for (const [i, word] of words.entries()) {
      const fewer = words.filter((other) => other !== word).join(' ');
      const conf = join(work, `apache-without-${i}`);
      await mkdir(conf);
      const reduced = await startApache(
        conf,
        www(),
        block.replace(/AllowOverride .+/, `AllowOverride ${fewer}`),
      );
      const status = (await fetch(`${reduced.origin}/bcp/sonae/`, { method: 'HEAD' })).status;
      await reduced.stop();
      expect([word, status]).toEqual([word, 500]);
    }
  });

  it('keeps two copies on one host apart, and the .htaccess and key through an update', async () => {
    const base = `${apache.origin}/bcp/sonae/`;
    const context = await browser.newContext(OFFICE_CONTEXT);
    const watch = watchContext(context, apache.origin);
    const page = await context.newPage();
    await page.goto(`${apache.origin}/bcp/sonae`);
    expect(page.url()).toBe(base);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    // The demo is loaded once the outage screen shows; going on before that raced its loading.
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await recordIncident(page, base, 'Apache で記録した障害');
    await expectBuild(page, base, BUILD_A);

    // The other copy on the same origin starts empty and keeps its own station.
    const other = await context.newPage();
    await other.goto(`${apache.origin}/sonae/`);
    await setUpStation(other, '窓口PC-09');
    await other.goto(`${apache.origin}/sonae/#/incidents`);
    await other.getByText('まだ障害記録はありません', { exact: false }).waitFor();
    const names = await page.evaluate(async () =>
      (await indexedDB.databases()).map((db) => db.name).sort(),
    );
    expect(names).toEqual(['sonae:/bcp/sonae/', 'sonae:/sonae/']);
    await other.close();
    await expectIncident(page, base, 'Apache で記録した障害');

    await runDocCommands('update', { ZIP: zips.b.path, ...bcp() });
    await expectServedAsShipped(apache.origin, '/bcp/sonae/', bcp().WEB); // .htaccess carried over
    await expectUpdatedTo(page, base, BUILD_B, 'Apache で記録した障害');
    await expectOfflineUse(
      context,
      apache,
      base,
      opensOffline(base, 'Apache で記録した障害', BUILD_B),
    );
    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 180_000);
});
