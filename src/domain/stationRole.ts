import type { Station } from './station.ts';

// The station's role and name, apart from its schema (station.ts) so that every screen can use them
// without zod (issue 9: first screen). station.ts re-exports them.

/**
 * Who owns master data (PRODUCT.md, decision 1): the IT section's station edits and publishes
 * systems, contacts, levels and procedures; on a department's station they are read-only.
 * DO NOT RENAME the values: stored with the station, and the same words as signer roles.
 */
export const stationRoles = ['it-section', 'department'] as const;
export type StationRole = (typeof stationRoles)[number];
export const stationRoleLabels: Record<StationRole, string> = {
  'it-section': '情報システム担当',
  department: '所管課',
};

/** 架空市 総務課 窓口PC-01 */
export function stationLabel(station: Pick<Station, 'municipality' | 'department' | 'terminal'>) {
  return `${station.municipality} ${station.department} ${station.terminal}`;
}

/** True when this station edits master data (systems, contacts, levels, procedures). */
export function canEditMasterData(station: Pick<Station, 'role'>): boolean {
  return station.role === 'it-section';
}
