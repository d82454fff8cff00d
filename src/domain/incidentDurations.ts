// How long an incident took to reach 報告済, 暫定復旧 and 解決, read from its status timeline.
// The rules (PRODUCT.md «Clarifications», "Report durations"):
// - a milestone is the first time the incident reached that status or a later one (steps may be
//   skipped in a real outage: an incident set straight to 解決 was reported and recovered then);
// - 解決 counts until the last 解決 of a reopened incident;
// - a missing or negative interval (a status without a time, clocks skewed between PCs) is 不明,
//   never averaged in.
// Status entries are taken in order of their time, as the printed timeline is (entries typed in
// afterwards and other stations' offsets make the stored order unreliable).
// Pure: no DOM, no storage. The 障害報告書's 復旧日時 comes from here too.

import type { IncidentData, TimelineEntry } from './incident.ts';
import { incidentStatuses, isOpenStatus, type IncidentStatus } from './incidentStatus.ts';

export const milestones = ['reported', 'provisional', 'resolved'] as const;
export type Milestone = (typeof milestones)[number];
export const milestoneLabels: Record<Milestone, string> = {
  reported: '報告済',
  provisional: '暫定復旧',
  resolved: '解決',
};

/** Why a duration is 不明. */
export type UnknownReason = 'missing' | 'negative';
export const unknownReasonLabels: Record<UnknownReason, string> = {
  missing: '時刻の記録がない',
  negative: '時刻の前後が逆（端末の時計のずれ）',
};

export type IncidentDuration =
  | { kind: 'known'; ms: number }
  | { kind: 'unknown'; reason: UnknownReason }
  /** The incident has not reached the milestone (yet): neither a figure nor 不明. */
  | { kind: 'notReached' };

const RANK = Object.fromEntries(incidentStatuses.map((s, i) => [s, i])) as Record<
  IncidentStatus,
  number
>;
const rank = (status: IncidentStatus) => RANK[status];

type StatusEntry = TimelineEntry & { status: IncidentStatus };

/** The status changes, oldest first (by time; equal times keep their stored order). */
function statusChanges(timeline: readonly TimelineEntry[]): StatusEntry[] {
  const changes = timeline.filter((entry): entry is StatusEntry => entry.status !== null);
  const times = changes.map((entry) => Date.parse(entry.at));
  // Nearly always already in order (each save appends): sort only when it is not.
  if (times.every((time, i) => i === 0 || time >= times[i - 1]!)) return changes;
  return changes
    .map((entry, index) => ({ entry, index, time: times[index]! }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
}

function firstOf(changes: readonly StatusEntry[], status: IncidentStatus): string | null {
  return changes.find((entry) => rank(entry.status) >= rank(status))?.at ?? null;
}

function lastResolvedOf(changes: readonly StatusEntry[]): string | null {
  let at: string | null = null;
  for (const entry of changes) {
    if (rank(entry.status) < rank('resolved')) at = null;
    else at ??= entry.at;
  }
  return at;
}

/**
 * When the timeline first reached `status` or a later one; null if it never did. 対応中 after
 * 暫定復旧 (a reopen) does not count as reaching 暫定復旧 again: the first time stays.
 */
export function firstReachedAt(
  timeline: readonly TimelineEntry[],
  status: IncidentStatus,
): string | null {
  return firstOf(statusChanges(timeline), status);
}

/**
 * When the incident was last resolved: the first 解決 (or 完了) after its last reopen. Null when
 * the timeline ends unresolved.
 */
export function lastResolvedAt(timeline: readonly TimelineEntry[]): string | null {
  return lastResolvedOf(statusChanges(timeline));
}

type Timed = Pick<IncidentData, 'occurredAt' | 'status' | 'timeline'>;

/** The moment a milestone was reached: its time, not yet, or reached without a time (不明). */
function milestoneAt(
  incident: Timed,
  changes: readonly StatusEntry[],
  milestone: Milestone,
): string | null | 'missing' {
  // The current status decides whether 解決 holds: a reopened incident is not resolved now.
  if (milestone === 'resolved' && isOpenStatus(incident.status)) return null;
  const at = milestone === 'resolved' ? lastResolvedOf(changes) : firstOf(changes, milestone);
  if (at !== null) return at;
  // The status says it got there, the timeline has no time for it (an import, an old record).
  return rank(incident.status) >= rank(milestone) ? 'missing' : null;
}

function measure(incident: Timed, changes: readonly StatusEntry[], milestone: Milestone) {
  const at = milestoneAt(incident, changes, milestone);
  if (at === null) return { kind: 'notReached' } as const;
  const start = Date.parse(incident.occurredAt);
  const end = at === 'missing' ? NaN : Date.parse(at);
  if (Number.isNaN(start) || Number.isNaN(end))
    return { kind: 'unknown', reason: 'missing' } as const;
  const ms = end - start;
  return ms < 0
    ? ({ kind: 'unknown', reason: 'negative' } as const)
    : ({ kind: 'known', ms } as const);
}

/** Time from 発生日時 to a milestone, or why there is none. */
export function durationTo(incident: Timed, milestone: Milestone): IncidentDuration {
  return measure(incident, statusChanges(incident.timeline), milestone);
}

/** Time to every milestone at once (the timeline is read once: reports over 50,000 incidents). */
export function durationsOf(incident: Timed): Record<Milestone, IncidentDuration> {
  const changes = statusChanges(incident.timeline);
  return {
    reported: measure(incident, changes, 'reported'),
    provisional: measure(incident, changes, 'provisional'),
    resolved: measure(incident, changes, 'resolved'),
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 「45分」「3時間5分」「2日3時間」: minutes dropped from a day on, as a person says it. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  if (ms < HOUR) return `${minutes}分`;
  if (ms < DAY) {
    const rest = minutes % 60;
    return `${Math.floor(ms / HOUR)}時間${rest ? `${rest}分` : ''}`;
  }
  const hours = Math.floor((ms % DAY) / HOUR);
  return `${Math.floor(ms / DAY)}日${hours ? `${hours}時間` : ''}`;
}

/** A duration as a table shows it: 「3時間5分」, 「不明」 or 「—」 (not reached). */
export function durationText(duration: IncidentDuration, notReached = '—'): string {
  if (duration.kind === 'known') return formatDuration(duration.ms);
  return duration.kind === 'unknown' ? '不明' : notReached;
}
