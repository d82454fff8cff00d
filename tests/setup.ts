// Dexie's live queries only run when a global indexedDB exists (as in every browser); each
// test still opens its own private IDBFactory (tests/testDatabase.ts).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { registerRecordUpgrader } from '../src/db/recordUpgradeLoader.ts';
import { upgradeAllRecords } from '../src/db/recordUpgrades.ts';

// The app loads the record upgrades only for an old database (recordUpgradeLoader.ts); tests
// open old databases directly, so they have them from the start.
registerRecordUpgrader(upgradeAllRecords);

afterEach(() => cleanup());
