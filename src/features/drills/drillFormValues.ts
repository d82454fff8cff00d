import { drillDataSchema, emptyDrill, type DrillData } from '../../domain/drill.ts';
import { pickData } from '../../domain/recordMeta.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { toFieldErrors, type FieldErrors } from '../common/fieldErrors.ts';

/**
 * What the drill plan form edits (様式12): the plan's fields, with the level and the target
 * minutes kept as typed until saving. The run (status, times, timeline, findings) is not edited
 * here: it comes from drill mode and is kept as stored.
 */
export interface DrillFormValues {
  title: string;
  plannedOn: string;
  place: string;
  systemId: string;
  scenario: string;
  levelText: string;
  participants: string;
  goals: string;
  targetText: string;
  baseRev: string | null;
}

type Run = Pick<DrillData, 'status' | 'startedAt' | 'endedAt' | 'timeline' | 'findings'>;

export function toDrillFormValues(
  record: RecordOf<'drill'> | null,
  defaults: { systemId?: string; plannedOn?: string } = {},
): DrillFormValues {
  const data = record ? pickData(record) : { ...emptyDrill(), ...defaults };
  return {
    title: data.title,
    plannedOn: data.plannedOn,
    place: data.place,
    systemId: data.systemId,
    scenario: data.scenario,
    levelText: data.level === null ? '' : String(data.level),
    participants: data.participants,
    goals: data.goals,
    targetText: data.targetRecoveryMinutes === null ? '' : String(data.targetRecoveryMinutes),
    baseRev: record?.rev ?? null,
  };
}

/** '' → null, digits (full-width too) → number, anything else → NaN (the schema says why). */
function parseWhole(text: string): number | null {
  const trimmed = text.normalize('NFKC').trim();
  return trimmed === '' ? null : /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Validates the plan; the run of a stored drill is carried over unchanged. */
export function drillFormToData(
  values: DrillFormValues,
  record: RecordOf<'drill'> | null,
): { data?: DrillData; errors: FieldErrors } {
  const { levelText, targetText, baseRev: _baseRev, ...plan } = values;
  const stored = record ? pickData(record) : emptyDrill();
  const run: Run = {
    status: stored.status,
    startedAt: stored.startedAt,
    endedAt: stored.endedAt,
    timeline: stored.timeline,
    findings: stored.findings,
  };
  const parsed = drillDataSchema.safeParse({
    ...plan,
    level: parseWhole(levelText),
    targetRecoveryMinutes: parseWhole(targetText),
    ...run,
  });
  if (parsed.success) return { data: parsed.data, errors: {} };
  // The numbers are typed into text fields: their messages go there.
  const { level, targetRecoveryMinutes, ...errors } = toFieldErrors(parsed.error.issues);
  return {
    errors: {
      ...errors,
      ...(level ? { levelText: level } : {}),
      ...(targetRecoveryMinutes ? { targetText: targetRecoveryMinutes } : {}),
    },
  };
}
