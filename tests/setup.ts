// Dexie's live queries only run when a global indexedDB exists (as in every browser); each
// test still opens its own private IDBFactory (tests/testDatabase.ts).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());
