// What keeps coming back: the same error code, the same system (報告・集計, 月次報告). Pure.

import type { IncidentRecord } from './incident.ts';
import { isOpenStatus } from './incidentStatus.ts';
import { normalizeForSearch } from './text.ts';

/** A code-like token: letters, digits and '-', '_' or '.' between them (ERR-102, 0x80072EE7). */
const TOKEN = /[a-z0-9]+(?:[-_.][a-z0-9]+)*/g;

/**
 * The error code in a message, folded (NFKC, lower case, one kind of dash) so 「ＥＲＲ－１０２」 and
 * 「err-102」 are one code: the first token of three or more characters holding a digit. Null when
 * the message has none (「サービス停止中」).
 */
export function errorCodeOf(message: string): string | null {
  const tokens = normalizeForSearch(message).match(TOKEN) ?? [];
  return tokens.find((t) => t.length >= 3 && /\d/.test(t)) ?? null;
}

/** How a folded code is shown: upper case, but 「0x」 as programmers write it. */
function codeLabel(code: string): string {
  return code.toUpperCase().replace(/^0X/, '0x');
}

const MAX_MESSAGE_LABEL = 40;

/** The group an error message counts in: its code, else the whole message folded; null if blank. */
function errorGroupOf(message: string): { key: string; label: string } | null {
  const code = errorCodeOf(message);
  if (code) return { key: `code:${code}`, label: codeLabel(code) };
  const text = message.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const label = text.length > MAX_MESSAGE_LABEL ? `${text.slice(0, MAX_MESSAGE_LABEL)}…` : text;
  return { key: `text:${normalizeForSearch(text)}`, label };
}

/** One error seen more than once. */
export interface RecurringError {
  key: string;
  /** The code (「ERR-102」) or, without one, the message. */
  label: string;
  count: number;
  /** The systems it was seen on, most often first. */
  systems: string[];
  /** The latest 発生日時. */
  lastAt: string;
  ids: string[];
}

function byCountThenName(counts: Map<string, number>): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ja'))
    .map(([name]) => name);
}

function laterOf(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Errors that occurred twice or more, most often first (then most recent), at most `top`. */
export function recurringErrors(
  incidents: readonly IncidentRecord[],
  systemLabel: (incident: IncidentRecord) => string,
  top = 10,
): RecurringError[] {
  const groups = new Map<string, RecurringError & { systemCounts: Map<string, number> }>();
  // Messages repeat (the same error, again and again): fold each text once.
  const groupOf = new Map<string, ReturnType<typeof errorGroupOf>>();
  for (const incident of incidents) {
    const message = incident.errorMessage;
    if (!groupOf.has(message)) groupOf.set(message, errorGroupOf(message));
    const group = groupOf.get(message)!;
    if (!group) continue;
    const entry = groups.get(group.key) ?? {
      ...group,
      count: 0,
      systems: [],
      lastAt: incident.occurredAt,
      ids: [],
      systemCounts: new Map<string, number>(),
    };
    entry.count += 1;
    entry.ids.push(incident.id);
    entry.lastAt = laterOf(entry.lastAt, incident.occurredAt);
    const system = systemLabel(incident);
    entry.systemCounts.set(system, (entry.systemCounts.get(system) ?? 0) + 1);
    groups.set(group.key, entry);
  }
  return [...groups.values()]
    .filter((g) => g.count >= 2)
    .sort((a, b) => b.count - a.count || Date.parse(b.lastAt) - Date.parse(a.lastAt))
    .slice(0, top)
    .map(({ systemCounts, ...rest }) => ({ ...rest, systems: byCountThenName(systemCounts) }));
}

/** A system with more than one incident. */
export interface RecurringSystem {
  key: string;
  label: string;
  count: number;
  /** Of them, still open now. */
  open: number;
  /** Its most frequent error seen twice or more (code or message), else null. */
  topError: string | null;
}

/** Systems with two or more incidents, most first, at most `top`. */
export function recurringSystems(
  incidents: readonly IncidentRecord[],
  systemLabel: (incident: IncidentRecord) => string,
  top = 10,
): RecurringSystem[] {
  const bySystem = new Map<string, IncidentRecord[]>();
  for (const incident of incidents) {
    const list = bySystem.get(incident.systemId);
    if (list) list.push(incident);
    else bySystem.set(incident.systemId, [incident]);
  }
  return [...bySystem.values()]
    .filter((list) => list.length >= 2)
    .map((list) => ({
      key: list[0]!.systemId,
      label: systemLabel(list[0]!),
      count: list.length,
      open: list.filter((i) => isOpenStatus(i.status)).length,
      topError: recurringErrors(list, systemLabel, 1)[0]?.label ?? null,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ja'))
    .slice(0, top);
}
