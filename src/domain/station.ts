import { z } from './zodLocale.ts';
import { idSchema } from './ids.ts';
import { requiredText, optionalText } from './text.ts';
import { stationRoles } from './stationRole.ts';

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

export { canEditMasterData, stationLabel, stationRoleLabels, stationRoles } from './stationRole.ts';
export type { StationRole } from './stationRole.ts';
