import type { z } from './zodLocale.ts';
import type { RecordType } from './recordTypes.ts';
import { systemFieldLabels, systemSchemas } from './system.ts';
import { incidentFieldLabels, incidentSchemas } from './incident.ts';
import { contactFieldLabels, contactSchemas } from './contact.ts';
import { incidentLevelFieldLabels, incidentLevelSchemas } from './incidentLevel.ts';
import { procedureFieldLabels, procedureSchemas } from './procedure.ts';
import { drillFieldLabels, drillSchemas } from './drill.ts';
import { followUpFieldLabels, followUpSchemas } from './followUp.ts';

/** One place that maps a record type to its schemas, for storage and exchange. */
export const recordSchemas = {
  system: systemSchemas,
  incident: incidentSchemas,
  contact: contactSchemas,
  incidentLevel: incidentLevelSchemas,
  procedure: procedureSchemas,
  drill: drillSchemas,
  followUp: followUpSchemas,
} satisfies Record<RecordType, { data: z.ZodType; record: z.ZodType }>;

export type RecordDataOf<T extends RecordType> = z.infer<(typeof recordSchemas)[T]['data']>;
export type RecordOf<T extends RecordType> = z.infer<(typeof recordSchemas)[T]['record']>;

/** The Japanese name of every field of every record type (tests check none is missing). */
export const recordFieldLabels = {
  system: systemFieldLabels,
  incident: incidentFieldLabels,
  contact: contactFieldLabels,
  incidentLevel: incidentLevelFieldLabels,
  procedure: procedureFieldLabels,
  drill: drillFieldLabels,
  followUp: followUpFieldLabels,
} satisfies Record<RecordType, Record<string, string>>;

/** The Japanese name of `key` of `type`, or the key itself for a field this code does not know. */
export function fieldLabel(type: RecordType, key: string): string {
  return (recordFieldLabels[type] as Record<string, string>)[key] ?? key;
}
