import { appendDrillEvent } from '../../db/drills.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import type { IncidentFormValues } from '../incidents/incidentFormValues.ts';

/**
 * A new incident started during a drill is a drill incident (issue 15): it travels in bundles as
 * one and stays out of reports unless asked for. `drillId` null: no drill runs.
 */
export function withDrill(values: IncidentFormValues, drillId: string | null): IncidentFormValues {
  return drillId ? { ...values, data: { ...values.data, drillId } } : values;
}

/** Adds a drill incident's first save to its drill's timeline (later edits are not news). */
export function noteDrillIncident(saved: RecordOf<'incident'>): void {
  if (!saved.drillId || saved.revisions.length > 0) return;
  void appendDrillEvent(saved.drillId, {
    kind: 'incidentStarted',
    text: saved.title,
    phase: null,
    refId: saved.id,
  }).catch((error: unknown) => console.warn('訓練の経過を記録できませんでした。', error));
}
