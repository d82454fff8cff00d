import { useMemo } from 'react';
import { useLiveRecords } from '../../db/hooks.ts';
import { contactDisplayName } from '../../domain/contactRules.ts';
import type { FollowUpTargetType } from '../../domain/followUp.ts';

export interface TargetOption {
  id: string;
  name: string;
  /** True for records of the drill's system (offered first). */
  isOwn: boolean;
}

/**
 * The records a follow-up can concern, by type, named as staff know them; those tied to
 * `systemId` first. `undefined` while loading.
 */
export function useFollowUpTargets(
  systemId: string,
): Record<FollowUpTargetType, TargetOption[]> | undefined {
  const procedures = useLiveRecords('procedure');
  const contacts = useLiveRecords('contact');
  const levels = useLiveRecords('incidentLevel');
  const systems = useLiveRecords('system');
  return useMemo(() => {
    if (!procedures || !contacts || !levels || !systems) return undefined;
    const ordered = (options: TargetOption[]) =>
      options.sort(
        (a, b) => Number(b.isOwn) - Number(a.isOwn) || a.name.localeCompare(b.name, 'ja'),
      );
    return {
      procedure: ordered(
        procedures.map((p) => ({ id: p.id, name: p.title, isOwn: p.systemIds.includes(systemId) })),
      ),
      contact: ordered(
        contacts.map((c) => ({
          id: c.id,
          name: contactDisplayName(c),
          isOwn: c.systemIds.includes(systemId),
        })),
      ),
      incidentLevel: [...levels]
        .sort((a, b) => a.level - b.level)
        .map((l) => ({ id: l.id, name: `レベル${l.level} ${l.name}`, isOwn: false })),
      system: ordered(systems.map((s) => ({ id: s.id, name: s.name, isOwn: s.id === systemId }))),
    };
  }, [procedures, contacts, levels, systems, systemId]);
}

/** The name of a follow-up's target, or 「（削除された記録）」. */
export function targetName(
  targets: Record<FollowUpTargetType, TargetOption[]>,
  type: FollowUpTargetType,
  id: string,
): string {
  return targets[type].find((t) => t.id === id)?.name ?? '（削除された記録）';
}
