import { describe, expect, it, vi } from 'vitest';

// A fresh module per case: the loader remembers what it registered.
async function freshLoader() {
  vi.resetModules();
  return import('../../../src/db/recordUpgradeLoader.ts');
}

const factory = (databases: IDBDatabaseInfo[]) => ({ databases: async () => databases });

describe('loadRecordUpgradesIfNeeded', () => {
  it('loads the upgrades for a database older than the build', async () => {
    const loader = await freshLoader();
    await loader.loadRecordUpgradesIfNeeded(
      'sonae:/a/',
      6,
      factory([{ name: 'sonae:/a/', version: 20 }]),
    );
    await expect(loader.runRecordUpgrades({} as never)).rejects.not.toThrow('were not loaded');
  });

  it.each([
    ['a new database', []],
    ['a current one', [{ name: 'sonae:/a/', version: 60 }]],
    ['another folder’s old one', [{ name: 'sonae:/b/', version: 20 }]],
  ])('leaves them for %s', async (_name, databases) => {
    const loader = await freshLoader();
    await loader.loadRecordUpgradesIfNeeded('sonae:/a/', 6, factory(databases));
    await expect(loader.runRecordUpgrades({} as never)).rejects.toThrow('were not loaded');
  });

  it('loads them when the browser cannot list its databases', async () => {
    const loader = await freshLoader();
    await loader.loadRecordUpgradesIfNeeded('sonae:/a/', 6, {} as never);
    await expect(loader.runRecordUpgrades({} as never)).rejects.not.toThrow('were not loaded');
  });
});
