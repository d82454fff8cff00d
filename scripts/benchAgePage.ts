/**
 * Browser side of `scripts/bench-age.ts`: in one page, a signed bundle of `count` demo
 * incidents is made (the core of an export: records → canonical JSON → Ed25519), encrypted with
 * age to two recipients, decrypted, and checked as an import checks it (parseBundleAsync). Each
 * step is timed `runs` times; the median is returned. No database: only the CPU work that
 * encryption adds is compared with the work it is added to.
 */
import { SonaeDatabase } from '../src/db/database.ts';
import { exportBundle } from '../src/db/exchangeExport.ts';
import { setDatabase } from '../src/db/instance.ts';
import { prepareImport } from '../src/db/exchangeImport.ts';
import { generateDemoIncidents } from '../src/demo/demoMunicipality.ts';
// For its window.sonaeBench (setUpSender / setUpReceiver): the app's database as the exchange
// benchmark prepares it, so both benchmarks measure the same rows.
import './benchExchangePage.ts';
import { createStoredRecord } from '../src/domain/storedRecord.ts';
import { decryptAge, encryptAge } from '../src/exchange/age/age.ts';
import { joinBytes } from '../src/exchange/age/ageStream.ts';
import {
  generateAgeIdentity,
  parseAgeIdentity,
  parseAgeRecipient,
  x25519Identity,
  x25519Recipient,
} from '../src/exchange/age/ageRecipients.ts';
import { toBundleRecord } from '../src/exchange/bundleRecord.ts';
import { signAndSerializeBundle } from '../src/exchange/bundleSignature.ts';
import { createTrustedKey } from '../src/exchange/bundleTrust.ts';
import { createBundle } from '../src/exchange/createBundle.ts';
import { generateKeyPair } from '../src/exchange/keys.ts';
import { parseBundleAsync } from '../src/exchange/parseBundle.ts';
import { timedMedian } from './benchTiming.ts';

const timed = timedMedian;

async function run(count: number, runs: number) {
  const systemIds = Array.from(
    { length: 12 },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
  const stationId = '00000000-0000-4000-8000-0000000000aa';
  const at = '2026-11-01T00:00:00.000Z';
  const records = generateDemoIncidents(count, systemIds, { seed: 7, spanDays: 365 * 3 }).map(
    (fields) => toBundleRecord('incident', createStoredRecord('incident', fields, stationId, at)),
  );
  const { privateKey, publicKey } = generateKeyPair();
  const [signMs, signed] = await timed(runs, () =>
    signAndSerializeBundle(
      createBundle({
        issuer: { stationId, label: '架空市 市民課 窓口PC-01', department: '市民課' },
        sequence: 1,
        kind: 'full',
        records,
        createdAt: at,
        recordsFromStore: true,
      }),
      privateKey,
    ),
  );
  const bytes = new TextEncoder().encode(signed.text);
  const keys = [generateAgeIdentity(), generateAgeIdentity()];
  const recipients = keys.map((k) => x25519Recipient(parseAgeRecipient(k.recipient)!));
  const [encryptMs, parts] = await timed(runs, () => encryptAge(bytes, recipients));
  const sealed = joinBytes(parts);
  const identity = x25519Identity(parseAgeIdentity(keys[0]!.identity)!);
  const [decryptMs, opened] = await timed(runs, () => decryptAge(sealed, [identity]));
  if (!opened.ok || opened.value.length !== bytes.length) throw new Error('decryption failed');
  const trusted = [createTrustedKey(publicKey, '市民課', 'department')];
  const [checkMs, checked] = await timed(runs, () =>
    parseBundleAsync(bytes, { trustedKeys: trusted }),
  );
  if (!checked.ok) throw new Error(`check failed: ${checked.error.kind}`);
  return {
    bundleBytes: bytes.length,
    ageBytes: sealed.length,
    signMs,
    encryptMs,
    decryptMs,
    checkMs,
    secure: window.isSecureContext,
    subtle: typeof crypto.subtle !== 'undefined',
  };
}

type Setup = {
  setUpSender(name: string, count: number): Promise<{ publicKeyPem: string; fingerprint: string }>;
  setUpReceiver(name: string, pem: string, fingerprint: string): Promise<void>;
};

/**
 * The app's own export and import preview (exportBundle, prepareImport on IndexedDB), clear and
 * encrypted, so the ratio is against the whole of that work on the same machine at the same time.
 */
async function runApp(count: number, runs: number) {
  const setup = (window as unknown as { sonaeBench: Setup }).sonaeBench;
  const key = await setup.setUpSender('sonae-bench-age-sender', count);
  // The setup closes the database it prepared (the app opens its own): open it again.
  setDatabase(new SonaeDatabase('sonae-bench-age-sender'));
  const keys = [generateAgeIdentity(), generateAgeIdentity()];
  const recipients = keys.map((k, i) => ({ label: `宛先${i + 1}`, recipient: k.recipient }));
  const types = ['incident'] as const;
  // The export marks and the 持ち出し記録 (its hashes) are written after the file is handed over;
  // the person does not wait for them, and the next run must not either.
  const settle = (result: Awaited<ReturnType<typeof exportBundle>>) =>
    Promise.all([result?.recorded, result?.released]);
  const [clearMs] = await timed(
    runs,
    () => exportBundle({ kind: 'full', types: [...types], protection: { kind: 'clear' } }),
    settle,
  );
  const [encryptedMs, encrypted] = await timed(
    runs,
    () =>
      exportBundle({
        kind: 'full',
        types: [...types],
        protection: { kind: 'recipients', recipients },
      }),
    settle,
  );
  const sealed = joinBytes(encrypted!.file.parts as Uint8Array[]);
  const identity = x25519Identity(parseAgeIdentity(keys[0]!.identity)!);
  const [decryptMs, opened] = await timed(runs, () => decryptAge(sealed, [identity]));
  if (!opened.ok) throw new Error('decryption failed');
  await setup.setUpReceiver('sonae-bench-age-receiver', key.publicKeyPem, key.fingerprint);
  setDatabase(new SonaeDatabase('sonae-bench-age-receiver'));
  const [previewMs, prepared] = await timed(runs, () =>
    prepareImport('bench.sonae.json', opened.value),
  );
  if (!prepared.ok) throw new Error(`prepareImport: ${prepared.error.kind}`);
  return { clearExportMs: clearMs, encryptedExportMs: encryptedMs, decryptMs, previewMs };
}

/** Errors cross page.evaluate as their message only: keep the name and stack too. */
async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const e = error as Error;
    throw new Error(`${e.name}: ${e.message}\n${e.stack ?? ''}`);
  }
}

Object.assign(window, {
  sonaeAgeBench: {
    run: (count: number, runs: number) => explained(() => run(count, runs)),
    runApp: (count: number, runs: number) => explained(() => runApp(count, runs)),
  },
});
document.body.dataset.ready = 'true';
