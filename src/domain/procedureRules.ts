import type { ProcedureData, ProcedurePhase } from './procedure.ts';
import { procedurePhases } from './procedureLabels.ts';
import { tokyoDateParts } from './holidays.ts';
import type { RuleIssue } from './incidentRules.ts';
import { addMonthsToDate } from './reviewRules.ts';

// Rules of 代替手順 beyond the schema: when a procedure is due for review, and checks a
// person's input must pass against the other records on this PC. Pure: no DOM, no storage.

/**
 * 'current' = reviewed within the period (`procedureMonths` of sonae.config.json, 12 by default);
 * 'overdue' = the period or more ago; 'never' = no date.
 */
export type ReviewState = 'current' | 'overdue' | 'never';

/** Months between reviews unless the config says otherwise (reviewPeriods.procedureMonths). */
export const DEFAULT_REVIEW_MONTHS = 12;

/** The words of the review flag; tests and staff rely on them. */
export const reviewFlagLabels = {
  overdue: '要見直し（1年以上見直していません）',
  never: '見直し日未記入',
} as const satisfies Record<Exclude<ReviewState, 'current'>, string>;

/** The flag's words for a period of `months`: 「要見直し（1年以上…）」, 「要見直し（6か月以上…）」. */
export function reviewFlagLabel(
  state: Exclude<ReviewState, 'current'>,
  months: number = DEFAULT_REVIEW_MONTHS,
): string {
  if (state === 'never') return reviewFlagLabels.never;
  const period = months % 12 === 0 ? `${months / 12}年` : `${months}か月`;
  return `要見直し（${period}以上見直していません）`;
}

/** Today's date on the Tokyo calendar (YYYY-MM-DD), whatever the PC's zone. */
export function todayInTokyo(now: Date): string {
  return tokyoDateParts(now).ymd;
}

/**
 * The day a procedure reviewed on `lastReviewedOn` is due again: the same date `months` later
 * (a year by default). A review on 29 February is due on 28 February, the last day of that
 * month, as the Civil Code (民法143条) ends a period whose corresponding day does not exist.
 */
export function reviewDueOn(
  lastReviewedOn: string,
  months: number = DEFAULT_REVIEW_MONTHS,
): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lastReviewedOn))
    throw new RangeError(`not a YYYY-MM-DD date: ${lastReviewedOn}`);
  return addMonthsToDate(lastReviewedOn, months);
}

/**
 * Whether a procedure's review is current, overdue (its date a year ago or earlier, counted in
 * Tokyo dates, so the flag appears at midnight in Tokyo on the anniversary) or never recorded.
 */
export function reviewStateOf(
  procedure: Pick<ProcedureData, 'lastReviewedOn'>,
  now: Date,
  months: number = DEFAULT_REVIEW_MONTHS,
): ReviewState {
  const { lastReviewedOn } = procedure;
  if (!lastReviewedOn) return 'never';
  // YYYY-MM-DD strings compare in calendar order.
  return todayInTokyo(now) >= reviewDueOn(lastReviewedOn, months) ? 'overdue' : 'current';
}

/** True when the procedure needs a review: last reviewed `months` ago or more, or never. */
export function isOverdueForReview(
  procedure: Pick<ProcedureData, 'lastReviewedOn'>,
  now: Date,
  months: number = DEFAULT_REVIEW_MONTHS,
): boolean {
  return reviewStateOf(procedure, now, months) !== 'current';
}

/** The steps of one phase, in their stored order. */
export function stepsOfPhase<S extends { phase: ProcedurePhase }>(
  steps: readonly S[],
  phase: ProcedurePhase,
): S[] {
  return steps.filter((step) => step.phase === phase);
}

/**
 * The steps ordered 初動 → 代替 → 復旧, keeping the order within each phase. The form keeps
 * this order so that a step's index (and so its error path) matches what the person sees.
 */
export function sortStepsByPhase<S extends { phase: ProcedurePhase }>(steps: readonly S[]): S[] {
  return procedurePhases.flatMap((phase) => stepsOfPhase(steps, phase));
}

/** What a procedure may refer to on this PC. */
export interface KnownRecords {
  /** Every system this PC holds, tombstones included: a tombstone means "deleted", not "unknown". */
  systems: readonly { id: string; deleted: boolean }[];
  /** The level numbers of the incident levels not deleted. */
  levels: readonly number[];
}

/** A reference to a record that is not there to follow. */
export type BrokenReference =
  | { kind: 'deletedSystem'; id: string }
  | { kind: 'unknownSystem'; id: string }
  | { kind: 'missingLevel'; level: number };

/** The systems and levels a procedure names that are deleted or not on this PC. */
export function findBrokenReferences(
  data: Pick<ProcedureData, 'systemIds' | 'levels'>,
  known: KnownRecords,
): BrokenReference[] {
  const systems = new Map(known.systems.map((s) => [s.id, s]));
  const levels = new Set(known.levels);
  const broken: BrokenReference[] = [];
  for (const id of data.systemIds) {
    const system = systems.get(id);
    if (!system) broken.push({ kind: 'unknownSystem', id });
    else if (system.deleted) broken.push({ kind: 'deletedSystem', id });
  }
  for (const level of data.levels)
    if (!levels.has(level)) broken.push({ kind: 'missingLevel', level });
  return broken;
}

function referenceMessage(problem: BrokenReference): string {
  switch (problem.kind) {
    case 'deletedSystem':
      return '削除されたシステムが対象に入っています。チェックを外してください。';
    case 'unknownSystem':
      return 'この端末に登録されていないシステムが対象に入っています。チェックを外すか、データ交換でシステムを取り込んでください。';
    case 'missingLevel':
      return `登録されていない障害レベル（レベル${problem.level}）が対象に入っています。チェックを外すか、「障害レベル」で登録してください。`;
  }
}

/**
 * Rules a person's input must meet on top of the schema, with messages that say what to do.
 * Bundles from other stations are not held to them (their systems may arrive later).
 */
export function checkProcedureInput(
  data: ProcedureData,
  known: KnownRecords,
  now: Date,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  data.steps.forEach((step, i) => {
    if (!step.text.trim())
      issues.push({
        path: `steps.${i}.text`,
        message: '手順の内容を入力してください（不要な手順は削除してください）',
      });
  });
  data.paperForms.forEach((form, i) => {
    if (!form.trim())
      issues.push({
        path: `paperForms.${i}`,
        message: '様式の名前を入力してください（不要な行は削除してください）',
      });
  });
  data.agreements.forEach((agreement, i) => {
    if (!agreement.date)
      issues.push({ path: `agreements.${i}.date`, message: '合意した日付を入力してください' });
    if (!agreement.parties.trim())
      issues.push({
        path: `agreements.${i}.parties`,
        message: '合意の相手を入力してください（例: 架空システムズ株式会社）',
      });
    if (!agreement.content.trim())
      issues.push({
        path: `agreements.${i}.content`,
        message: '合意した内容を入力してください',
      });
  });
  if (data.lastReviewedOn && data.lastReviewedOn > todayInTokyo(now))
    issues.push({ path: 'lastReviewedOn', message: '最終見直し日が未来の日付になっています' });
  for (const problem of findBrokenReferences(data, known)) {
    const path = problem.kind === 'missingLevel' ? 'levels' : 'systemIds';
    if (!issues.some((issue) => issue.path === path))
      issues.push({ path, message: referenceMessage(problem) });
  }
  return issues;
}

/** Said beside the steps (and in the view) when there is no 初動 step. */
export const NO_INITIAL_STEP_WARNING =
  '初動の手順がありません。障害が起きて最初にすること（記録・報告・連絡）を書いておくと、当日迷わずに済みます。';

/**
 * Things worth saying but not worth refusing a save for. A missing 初動 is a warning: a
 * procedure is often written in stages (the vendor agreement and 代替 first), and a published
 * half-written procedure helps more during an outage than a draft nobody else can see.
 */
export function procedureWarnings(data: Pick<ProcedureData, 'steps'>): string[] {
  return stepsOfPhase(data.steps, 'initial').length === 0 ? [NO_INITIAL_STEP_WARNING] : [];
}
