import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { applyImport, prepareImport } from '../../../src/db/exchangeImport.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { createDepartmentAndItSection } from './exchangeHelpers.ts';
import { exportFrom, newIncident } from './syncHelpers.ts';

// PRODUCT.md decision 4: the sender's 持ち出し記録 holds the SHA-256 of the encrypted file and of
// the bundle inside; the IT section's import history keeps both, so the two can be matched.

describe('the import history of an encrypted file', () => {
  it('keeps the SHA-256 of the file as carried beside that of the bundle inside', async () => {
    const { department, itSection } = await createDepartmentAndItSection();
    await newIncident(department, '証明書発行機が停止');
    const file = await exportFrom(department);
    itSection.use();
    const outer = 'ab'.repeat(32);
    const prepared = await prepareImport(`${file.fileName}.age`, utf8ToBytes(file.text), [], {
      encryptedSha256: outer,
    });
    if (!prepared.ok) throw new Error(prepared.error.kind);
    expect(prepared.preview.encryptedSha256).toBe(outer);
    await applyImport(prepared.preview);
    const [row] = await exchangeTables(itSection.db).imports.toArray();
    expect(row).toMatchObject({ encryptedSha256: outer, sha256: prepared.preview.sha256 });
    expect(row!.sha256).not.toBe(outer);
  });
});
