import { useMemo } from 'react';
import { useLiveRecords } from '../../db/hooks.ts';
import type { KnownRecords } from '../../domain/procedureRules.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';

const priorityOrder = { highest: 0, high: 1, normal: 2 } as const;

export interface ProcedureReferences {
  /** Live systems, most important for continuity first, then by name. */
  systems: RecordOf<'system'>[];
  /** Live incident levels, lowest first. */
  levels: RecordOf<'incidentLevel'>[];
  /** id → name of the live systems. */
  systemNames: Map<string, string>;
  /** level number → name of the live levels. */
  levelNames: Map<number, string>;
  /** For the cross-record checks; tombstones tell "deleted" from "never on this PC". */
  known: KnownRecords;
}

/** The systems and levels a procedure can refer to; undefined while they load. */
export function useProcedureReferences(): ProcedureReferences | undefined {
  const allSystems = useLiveRecords('system', { includeDeleted: true });
  const allLevels = useLiveRecords('incidentLevel');
  return useMemo(() => {
    if (!allSystems || !allLevels) return undefined;
    const systems = allSystems
      .filter((s) => !s.deleted)
      .sort(
        (a, b) =>
          priorityOrder[a.continuityPriority] - priorityOrder[b.continuityPriority] ||
          a.name.localeCompare(b.name, 'ja'),
      );
    const levels = [...allLevels].sort((a, b) => a.level - b.level);
    return {
      systems,
      levels,
      systemNames: new Map(systems.map((s) => [s.id, s.name])),
      levelNames: new Map(levels.map((l) => [l.level, l.name])),
      known: {
        systems: allSystems.map((s) => ({ id: s.id, deleted: s.deleted })),
        levels: levels.map((l) => l.level),
      },
    };
  }, [allSystems, allLevels]);
}
