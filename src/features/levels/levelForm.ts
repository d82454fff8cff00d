import {
  incidentLevelDataSchema,
  incidentLevelSchemas,
  type IncidentLevelData,
  type LevelQuestion,
} from '../../domain/incidentLevel.ts';
import { pickData } from '../../domain/recordMeta.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { toFieldErrors, type FieldErrors } from '../common/fieldErrors.ts';

// The level form's values and checks, kept apart from the page so they can be read (and tested)
// without rendering anything.

/** Level numbers a station can define (levelNumberSchema: 1〜9). */
export const LEVEL_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** The longest deadline the schema accepts, in minutes (30 days). */
const MAX_MINUTES = incidentLevelSchemas.shape.notifyWithinMinutes.unwrap().maxValue ?? 43_200;

/** What the form edits: the level's data with the number and minutes kept as chosen/typed. */
export interface LevelFormValues {
  levelText: string;
  name: string;
  criteria: string;
  actions: string;
  notify: string;
  minutesText: string;
  questions: LevelQuestion[];
  baseRev: string | null;
}

type StoredLevel = RecordOf<'incidentLevel'>;

/** The lowest number no other level uses yet, so a new level does not start as a duplicate. */
function firstFreeNumber(levels: readonly StoredLevel[]): string {
  const used = new Set(levels.map((l) => l.level));
  const free = LEVEL_NUMBERS.find((n) => !used.has(n));
  return free === undefined ? '' : String(free);
}

export function toLevelFormValues(
  record: StoredLevel | null,
  levels: readonly StoredLevel[],
): LevelFormValues {
  if (!record)
    return {
      levelText: firstFreeNumber(levels),
      name: '',
      criteria: '',
      actions: '',
      notify: '',
      minutesText: '',
      questions: [],
      baseRev: null,
    };
  const data = pickData(record);
  return {
    levelText: String(data.level),
    name: data.name,
    criteria: data.criteria,
    actions: data.actions,
    notify: data.notify,
    minutesText: data.notifyWithinMinutes === null ? '' : String(data.notifyWithinMinutes),
    questions: data.questions ?? [],
    baseRev: record.rev,
  };
}

/**
 * Minutes as typed: full-width digits and a trailing 「分」 are accepted; empty means "no
 * deadline". Returns the minutes or the Japanese reason they cannot be used.
 */
export function parseMinutes(text: string): { minutes: number | null } | { error: string } {
  const trimmed = text
    .normalize('NFKC')
    .trim()
    .replace(/\s*分$/, '');
  if (trimmed === '') return { minutes: null };
  if (!/^\d+$/.test(trimmed))
    return {
      error: '連絡の期限は分を数字で入力してください（例: 30）。期限がなければ空欄にします',
    };
  const minutes = Number(trimmed);
  if (minutes > MAX_MINUTES)
    return { error: `連絡の期限は${MAX_MINUTES}分（30日）以内で入力してください` };
  return { minutes };
}

/** Another level that already has this number (one number, one meaning), or undefined. */
export function findLevelClash<L extends { id: string; level: number }>(
  levels: readonly L[],
  level: number,
  selfId: string | undefined,
): L | undefined {
  return levels.find((l) => l.level === level && l.id !== selfId);
}

export function levelClashMessage(level: number, other: { name: string }): string {
  return `レベル${level}は「${other.name}」で使われています。別の番号を選ぶか、「${other.name}」のほうを編集してください`;
}

/** Validates the form against the schema and the other levels of the station. */
export function validateLevelForm(
  values: LevelFormValues,
  levels: readonly StoredLevel[],
  selfId: string | undefined,
): { data?: IncidentLevelData; errors: FieldErrors } {
  const minutes = parseMinutes(values.minutesText);
  const level = values.levelText === '' ? Number.NaN : Number(values.levelText);
  const parsed = incidentLevelDataSchema.safeParse({
    level,
    name: values.name,
    criteria: values.criteria,
    actions: values.actions,
    notify: values.notify,
    notifyWithinMinutes: 'minutes' in minutes ? minutes.minutes : null,
    questions: values.questions,
  });
  // The number and the minutes are chosen/typed into fields of their own: messages go there.
  const {
    level: levelError,
    notifyWithinMinutes: minutesError,
    ...errors
  } = parsed.success ? ({} as FieldErrors) : toFieldErrors(parsed.error.issues);
  const clash = Number.isNaN(level) ? undefined : findLevelClash(levels, level, selfId);
  const levelMessage =
    values.levelText === ''
      ? 'レベルの番号を選んでください'
      : (levelError ?? (clash ? levelClashMessage(level, clash) : undefined));
  const minutesMessage = 'error' in minutes ? minutes.error : minutesError;
  if (levelMessage) errors.levelText = levelMessage;
  if (minutesMessage) errors.minutesText = minutesMessage;
  if (parsed.success && Object.keys(errors).length === 0) return { data: parsed.data, errors };
  return { errors };
}
