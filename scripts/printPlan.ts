// Which documents `npm run print` writes, from the records the app holds. Pure, and the same
// rules as the screens: the outage screen's order of systems (非常時優先業務 first) and the kit's
// own choice of procedures.

import type { RecordOf } from '../src/domain/recordSchemas.ts';
import { compareSystemsByPriority, findSameNameSystem } from '../src/domain/systemRules.ts';
import { proceduresOfSystem } from '../src/print/kitContent.ts';
import { PrintFailure } from './printFailure.ts';

/** The live records that decide what to print. */
export interface Printables {
  systems: RecordOf<'system'>[];
  procedures: RecordOf<'procedure'>[];
  /** Only what picks the report's incident: the page sends no more of a large log. */
  incidents: IncidentSummary[];
}

export type IncidentSummary = Pick<RecordOf<'incident'>, 'id' | 'title' | 'occurredAt' | 'deleted'>;

/**
 * The systems that get an outage kit: every system with a fallback procedure, or only `only`
 * (matched as the app matches names: width, case and spaces ignored), with or without one.
 */
export function kitSystems(printables: Printables, only: string | null): RecordOf<'system'>[] {
  const systems = printables.systems.filter((s) => !s.deleted).sort(compareSystemsByPriority);
  if (only === null)
    return systems.filter((s) => proceduresOfSystem(printables.procedures, s.id).length > 0);
  const found = findSameNameSystem(systems, only, null);
  if (!found) {
    const names = systems.map((s) => s.name).join('、') || '（登録なし）';
    throw new PrintFailure(`システム「${only}」が見つかりません。登録されているシステム: ${names}`);
  }
  return [found];
}

/**
 * The incident the report is printed for: the one that occurred last (発生日時, as the incident
 * log sorts by default); undefined when there is none. An unreadable date never wins.
 */
export function latestIncident(incidents: readonly IncidentSummary[]): IncidentSummary | undefined {
  let latest: IncidentSummary | undefined;
  let latestAt = -Infinity;
  for (const incident of incidents) {
    const at = Date.parse(incident.occurredAt);
    if (incident.deleted || !(at > latestAt)) continue;
    latest = incident;
    latestAt = at;
  }
  return latest;
}
