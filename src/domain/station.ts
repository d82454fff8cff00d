import { z } from './zodLocale.ts';
import { idSchema } from './ids.ts';
import { requiredText, optionalText } from './text.ts';

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

/** This PC's identity: who writes the records made here. Set on first run, editable in 設定. */
export const stationSchema = z.strictObject({
  /** Random, made once per browser profile; never shown as a name. */
  id: idSchema,
  municipality: requiredText('自治体名'),
  department: requiredText('部署'),
  terminal: requiredText('端末名'),
  staffName: optionalText('担当者名'),
  role: z.enum(stationRoles, { error: '端末の役割を選んでください' }),
});
export type Station = z.infer<typeof stationSchema>;

/** The fields a person fills in (the id is made by the app). */
export const stationFormSchema = stationSchema.omit({ id: true });
export type StationForm = z.infer<typeof stationFormSchema>;

/** 架空市 総務課 窓口PC-01 */
export function stationLabel(station: Pick<Station, 'municipality' | 'department' | 'terminal'>) {
  return `${station.municipality} ${station.department} ${station.terminal}`;
}

/** True when this station edits master data (systems, contacts, levels, procedures). */
export function canEditMasterData(station: Pick<Station, 'role'>): boolean {
  return station.role === 'it-section';
}
