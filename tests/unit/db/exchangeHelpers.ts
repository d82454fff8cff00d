import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SonaeDatabase } from '../../../src/db/database.ts';
import { setDatabase } from '../../../src/db/instance.ts';
import { saveStation } from '../../../src/db/station.ts';
import { ensureStationKey, trustKey } from '../../../src/db/keyStore.ts';
import type { StationForm } from '../../../src/domain/station.ts';
import type { SignerRole } from '../../../src/exchange/signerRoles.ts';

/** One simulated PC: its own IndexedDB; `use()` makes it the app's current database. */
export interface TestStation {
  db: SonaeDatabase;
  use(): void;
}

export async function createStation(form: StationForm): Promise<TestStation> {
  const db = new SonaeDatabase('sonae', { indexedDB: new IDBFactory(), IDBKeyRange });
  const use = () => setDatabase(db);
  use();
  await saveStation(form);
  await ensureStationKey();
  return { db, use };
}

export const departmentForm: StationForm = {
  municipality: '架空市',
  department: '市民課',
  terminal: '窓口PC-01',
  staffName: '山田 花子',
  role: 'department',
};
export const itForm: StationForm = {
  municipality: '架空市',
  department: '情報政策課',
  terminal: '管理PC',
  staffName: '佐藤 一郎',
  role: 'it-section',
};

/** Makes `receiver` trust `sender`'s key with `role`, as a person would after a phone call. */
export async function trustStation(
  receiver: TestStation,
  sender: TestStation,
  role: SignerRole,
  label: string,
) {
  sender.use();
  const key = await ensureStationKey();
  receiver.use();
  const result = await trustKey({
    publicKeyPem: key.publicKeyPem,
    label,
    role,
    confirmedFingerprint: key.fingerprint,
  });
  if (!result.ok) throw new Error(`trust failed: ${result.error.kind}`);
}

/** Row counts of every table, to prove that a refusal changed nothing. */
export async function countAll(db: SonaeDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}

/** A department PC and the IT section's PC, which trusts the department's key. */
export async function createDepartmentAndItSection(): Promise<{
  department: TestStation;
  itSection: TestStation;
}> {
  const department = await createStation(departmentForm);
  const itSection = await createStation(itForm);
  await trustStation(itSection, department, 'department', '市民課');
  return { department, itSection };
}
