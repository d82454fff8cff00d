import { useMemo } from 'react';
import { useLiveRecords } from '../../db/hooks.ts';

/** id → name of every live system on this PC, for lists and details. */
export function useSystemNames(): Map<string, string> {
  const systems = useLiveRecords('system');
  return useMemo(() => new Map((systems ?? []).map((s) => [s.id, s.name])), [systems]);
}

/**
 * The system name to show for an incident: the registered system's, else the name the incident
 * carried when it was recorded (another station's system, or one deleted since), marked so.
 */
export function systemNameOf(
  incident: { systemId: string; systemName?: string | undefined },
  names: ReadonlyMap<string, string>,
): string {
  const registered = names.get(incident.systemId);
  if (registered) return registered;
  return incident.systemName ? `${incident.systemName}（この端末に未登録）` : '（不明なシステム）';
}
