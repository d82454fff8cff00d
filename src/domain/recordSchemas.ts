import type { z } from './zodLocale.ts';
import type { RecordType } from './recordTypes.ts';
import { systemSchemas } from './system.ts';
import { incidentSchemas } from './incident.ts';
import { contactSchemas } from './contact.ts';
import { incidentLevelSchemas } from './incidentLevel.ts';
import { procedureSchemas } from './procedure.ts';

/** One place that maps a record type to its schemas, for storage and exchange. */
export const recordSchemas = {
  system: systemSchemas,
  incident: incidentSchemas,
  contact: contactSchemas,
  incidentLevel: incidentLevelSchemas,
  procedure: procedureSchemas,
} satisfies Record<RecordType, { data: z.ZodType; record: z.ZodType }>;

export type RecordDataOf<T extends RecordType> = z.infer<(typeof recordSchemas)[T]['data']>;
export type RecordOf<T extends RecordType> = z.infer<(typeof recordSchemas)[T]['record']>;
