import type { IncidentLevelData, LevelQuestion } from './incidentLevel.ts';
import type { IncidentData } from './incident.ts';
import { tokyoDateParts } from './holidays.ts';

// Level suggestion and the notification deadline (PRODUCT.md, clarifications: "each level stores
// yes/no questions and the level each 'yes' implies; the suggestion is the highest level implied,
// always overridable"). Pure: no DOM, no storage; all wall-clock text is Asia/Tokyo.

/** What these rules need of a level; stored records (with id, rev…) fit as they are. */
export type LevelDefinition = Pick<
  IncidentLevelData,
  'level' | 'name' | 'notify' | 'notifyWithinMinutes' | 'questions'
>;

/** One question with the level it is stored on. */
export interface QuestionEntry<L extends LevelDefinition = LevelDefinition> {
  question: LevelQuestion;
  /** The level whose definition holds the question (usually the one it implies). */
  owner: L;
}

/** A yes/no answer per question id; a question left unanswered counts as "no". */
export type LevelAnswers = Readonly<Record<string, boolean>>;

export interface LevelSuggestion<L extends LevelDefinition = LevelDefinition> {
  /** The highest level implied by a "yes". */
  level: number;
  /** The definition of that level number, when one exists (a question may name a level that does not). */
  definition: L | undefined;
  /** The questions answered "yes" that imply exactly `level`: the reasons to show. */
  because: QuestionEntry<L>[];
}

/**
 * Every question of every level, the highest implied level first (then by the owner's level and
 * the order the IT section wrote them): one "yes" near the top settles the suggestion, so a
 * person in a hurry can stop reading there.
 */
export function levelQuestions<L extends LevelDefinition>(
  levels: readonly L[],
): QuestionEntry<L>[] {
  const entries = levels.flatMap((owner) =>
    (owner.questions ?? []).map((question, index) => ({ question, owner, index })),
  );
  entries.sort(
    (a, b) =>
      b.question.impliesLevel - a.question.impliesLevel ||
      b.owner.level - a.owner.level ||
      a.index - b.index,
  );
  return entries.map(({ question, owner }) => ({ question, owner }));
}

/** The level with this number; when an import left two, the one with the shortest deadline. */
export function findLevel<L extends LevelDefinition>(
  levels: readonly L[],
  level: number,
): L | undefined {
  const deadline = (l: L) => l.notifyWithinMinutes ?? Number.POSITIVE_INFINITY;
  return levels
    .filter((l) => l.level === level)
    .reduce<L | undefined>(
      (best, l) => (best && deadline(best) <= deadline(l) ? best : l),
      undefined,
    );
}

/**
 * The highest level implied by a "yes", or null when nothing was answered "yes". Answers for
 * question ids no level holds (a level edited meanwhile) are ignored.
 */
export function suggestLevel<L extends LevelDefinition>(
  levels: readonly L[],
  answers: LevelAnswers,
): LevelSuggestion<L> | null {
  const yes = levelQuestions(levels).filter((entry) => answers[entry.question.id] === true);
  if (yes.length === 0) return null;
  const level = Math.max(...yes.map((entry) => entry.question.impliesLevel));
  return {
    level,
    definition: findLevel(levels, level),
    because: yes.filter((entry) => entry.question.impliesLevel === level),
  };
}

export interface NotificationDeadline<L extends LevelDefinition = LevelDefinition> {
  level: L;
  /** Whom to notify, as the level says (may be empty). */
  notify: string;
  minutes: number;
  /** 発生 + the level's minutes. */
  dueAt: Date;
}

/**
 * Whom to notify by when, counting from 発生; null when the incident has no level, no level of
 * that number exists, the level sets no deadline, or the time of occurrence is unknown.
 */
export function notificationDeadline<L extends LevelDefinition>(
  incident: Pick<IncidentData, 'level' | 'occurredAt'>,
  levels: readonly L[],
): NotificationDeadline<L> | null {
  if (incident.level === null) return null;
  const level = findLevel(levels, incident.level);
  const minutes = level?.notifyWithinMinutes;
  if (!level || minutes === null || minutes === undefined) return null;
  const occurred = new Date(incident.occurredAt).getTime();
  if (!incident.occurredAt || Number.isNaN(occurred)) return null;
  return { level, notify: level.notify, minutes, dueAt: new Date(occurred + minutes * 60_000) };
}

/** 45 → 「45分」, 90 → 「1時間30分」, 1500 → 「1日1時間」: a span of whole minutes. */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}日${hours > 0 ? `${hours}時間` : ''}`;
  if (hours > 0) return `${hours}時間${rest > 0 ? `${rest}分` : ''}`;
  return `${rest}分`;
}

/** 「発生から30分以内」, or 「期限なし」 for a level without a deadline. */
export function formatNotifyWithin(minutes: number | null): string {
  return minutes === null ? '期限なし' : `発生から${formatMinutes(minutes)}以内`;
}

/** The due time on the Tokyo clock: 「10:35」, 「翌0:10」 (the next day) or 「11月28日 23:55」. */
function formatDue(due: Date, now: Date): string {
  const d = tokyoDateParts(due);
  const clock = `${Math.floor(d.minutes / 60)}:${String(d.minutes % 60).padStart(2, '0')}`;
  const today = tokyoDateParts(now).ymd;
  if (d.ymd === today) return clock;
  const tomorrow = tokyoDateParts(new Date(now.getTime() + 86_400_000)).ymd;
  if (d.ymd === tomorrow) return `翌${clock}`;
  const [, month, day] = d.ymd.split('-').map(Number);
  return `${month}月${day}日 ${clock}`;
}

export interface DeadlineDescription {
  text: string;
  isOverdue: boolean;
}

/**
 * 「あと25分（10:35まで）」 / 「期限を15分過ぎています（10:35まで）」. Minutes left round up and
 * minutes late round down, so the text never says "0 minutes left" before the deadline.
 */
export function describeDeadline(due: Date, now: Date): DeadlineDescription {
  const left = due.getTime() - now.getTime();
  const until = `（${formatDue(due, now)}まで）`;
  if (left > 0)
    return { text: `あと${formatMinutes(Math.ceil(left / 60_000))}${until}`, isOverdue: false };
  const late = Math.floor(-left / 60_000);
  return {
    text:
      late === 0 ? `いまが期限です${until}` : `期限を${formatMinutes(late)}過ぎています${until}`,
    isOverdue: true,
  };
}
