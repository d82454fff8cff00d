import { recordTypes, type RecordType } from '../domain/recordTypes.ts';
import { stationRoles, type StationRole } from '../domain/station.ts';

/**
 * What the holder of a trusted key may send. The receiver decides the role when it registers
 * the key: the IT section publishes the official lists, departments send incident reports.
 * DO NOT RENAME the values: they are stored with every trusted key.
 */
export const signerRoles = stationRoles;
export type SignerRole = StationRole;

export const signerRoleLabels: Record<SignerRole, string> = {
  'it-section': '情報システム担当課',
  department: '部署',
};

const allowed: Record<SignerRole, readonly RecordType[]> = {
  'it-section': recordTypes,
  // Departments also send drill records and follow-ups (PRODUCT.md, decision 1).
  department: ['incident', 'drill', 'followUp'],
};

/** The record types a signer with `role` may write. */
export function allowedRecordTypes(role: SignerRole): readonly RecordType[] {
  return allowed[role];
}
