import { utf8ToBytes } from '@noble/hashes/utils.js';
import { saveRecord } from '../../../src/db/records.ts';
import { exportBundle } from '../../../src/db/exchangeExport.ts';
import { applyImport, prepareImport } from '../../../src/db/exchangeImport.ts';
import { loadLeaves } from '../../../src/db/conflicts.ts';
import { describeBundleError } from '../../../src/exchange/bundleErrors.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import type { RecordType } from '../../../src/domain/recordTypes.ts';
import type { StationForm } from '../../../src/domain/station.ts';
import {
  createStation,
  departmentForm,
  trustStation,
  type TestStation,
} from './exchangeHelpers.ts';

/** A file as exportBundle writes it. */
export interface ExportedFile {
  fileName: string;
  text: string;
  sequence: number;
}

export const SYSTEM_ID = '00000000-0000-4000-8000-00000000a001';

/** Exports from `station` (incidents by default); throws when a delta has nothing. */
export async function exportFrom(
  station: TestStation,
  kind: 'full' | 'delta' = 'full',
  types: RecordType[] = ['incident'],
): Promise<ExportedFile> {
  station.use();
  const result = await exportBundle({ kind, types });
  if (!result) throw new Error('nothing exported');
  return result;
}

/** Checks and applies a file on `station`; throws with the Japanese reason on a refusal. */
export async function importInto(station: TestStation, file: { fileName: string; text: string }) {
  station.use();
  const prepared = await prepareImport(file.fileName, utf8ToBytes(file.text));
  if (!prepared.ok) throw new Error(describeBundleError(prepared.error));
  return { preview: prepared.preview, applied: await applyImport(prepared.preview) };
}

/** A new incident on `station`. */
export async function newIncident(station: TestStation, title: string) {
  station.use();
  return saveRecord(
    'incident',
    emptyIncident({ title, systemId: SYSTEM_ID, occurredAt: '2026-11-21T01:00:00.000Z' }),
  );
}

/** The revs of a record's leaves on `station`, winner first. */
export async function leafRevs(station: TestStation, type: RecordType, id: string) {
  station.use();
  return (await loadLeaves(station.db, type, id)).map((leaf) => leaf.rev);
}

/** Stations that all trust each other, each key with the role of its station. */
export async function createMesh(forms: StationForm[]): Promise<TestStation[]> {
  const stations: TestStation[] = [];
  for (const form of forms) stations.push(await createStation(form));
  for (const [i, receiver] of stations.entries())
    for (const [j, sender] of stations.entries())
      if (i !== j) await trustStation(receiver, sender, forms[j]!.role, labelOf(forms[j]!));
  return stations;
}

function labelOf(form: StationForm): string {
  return `${form.department} ${form.terminal}`;
}

/** A department form with its own terminal name. */
export function departmentNo(n: number): StationForm {
  return { ...departmentForm, department: `第${n}課`, terminal: `窓口PC-0${n}` };
}
