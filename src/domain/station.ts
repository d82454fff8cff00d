import { z } from './zodLocale.ts';
import { idSchema } from './ids.ts';
import { requiredText, optionalText } from './text.ts';
import { stationRoles } from './stationRole.ts';
import { MAX_STAFF_NAME_LENGTH, MAX_STAFF_NAMES } from './operator.ts';

/** 担当者の一覧: names of the people who use this PC, each once. */
const staffNamesSchema = z
  .array(requiredText('担当者の名前', MAX_STAFF_NAME_LENGTH))
  .max(MAX_STAFF_NAMES, { error: `担当者の一覧は${MAX_STAFF_NAMES}人までです` })
  .superRefine((names, ctx) => {
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index)
        ctx.addIssue({ code: 'custom', path: [index], message: `「${name}」が2回入っています` });
    });
  });

/** This PC's identity: who writes the records made here. Set on first run, editable in 設定. */
export const stationSchema = z.strictObject({
  /** Random, made once per browser profile; never shown as a name. */
  id: idSchema,
  municipality: requiredText('自治体名'),
  department: requiredText('部署'),
  terminal: requiredText('端末名'),
  staffName: optionalText('担当者名'),
  /**
   * Who may be chosen as the operator in the header (PRODUCT.md decision 6). Absent on a station
   * saved before the list existed: `staffListOf` reads it as [staffName] then.
   */
  staffNames: staffNamesSchema.optional(),
  role: z.enum(stationRoles, { error: '端末の役割を選んでください' }),
});
export type Station = z.infer<typeof stationSchema>;

/** The fields a person fills in (the id is made by the app). */
export const stationFormSchema = stationSchema.omit({ id: true });
export type StationForm = z.infer<typeof stationFormSchema>;

export { canEditMasterData, stationLabel, stationRoleLabels, stationRoles } from './stationRole.ts';
export type { StationRole } from './stationRole.ts';
