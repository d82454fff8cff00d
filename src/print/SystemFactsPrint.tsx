import type { RecordOf } from '../domain/recordSchemas.ts';
import { continuityPriorityLabels, formatRto, systemFieldLabels } from '../domain/system.ts';

/** A system's priority, 目標復旧時間, 所管課, vendor and 非常時優先業務, under a printed heading. */
export function SystemFactsPrint({ system }: { system: RecordOf<'system'> }) {
  return (
    <>
      <p className="kit-facts">
        <span>{continuityPriorityLabels[system.continuityPriority]}</span>
        <span>目標復旧時間 {formatRto(system.rtoHours)}</span>
        {system.department ? <span>所管課 {system.department}</span> : null}
        {system.vendor ? <span>ベンダー {system.vendor}</span> : null}
      </p>
      {system.priorityServices.trim() ? (
        <p className="kit-facts">
          {systemFieldLabels.priorityServices}: {system.priorityServices}
        </p>
      ) : null}
    </>
  );
}
