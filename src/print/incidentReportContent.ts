// What the 障害報告書 prints, worked out from one incident: its fields in the incident form's order
// under the labels of incidentFieldLabels, and one timeline of status changes, calls and notes.
// Pure (no DOM, no storage), so the app's 印刷 and a later `npm run print` print the same thing.

import {
  contactMethodLabels,
  impactScopeLabels,
  incidentFieldLabels as labels,
  type IncidentData,
} from '../domain/incident.ts';
import { incidentStatusLabels } from '../domain/incidentStatus.ts';
import { firstReachedAt } from '../domain/incidentDurations.ts';
import { formatJapaneseDate, formatJapaneseDateTime } from '../domain/japaneseDate.ts';

/** One line of a printed field table. */
export interface ReportField {
  key: string;
  label: string;
  value: string;
  /** Long text whose line breaks are kept. */
  isLong?: boolean;
}

/** A titled group of fields, as the incident form groups them. */
export interface ReportFieldGroup {
  id: string;
  heading: string;
  fields: ReportField[];
}

/** Names the incident only refers to by id, looked up by the page. */
export interface ReportNames {
  system: string;
  /** 「中程度」 for the incident's level; null when the level is unset or unknown here. */
  levelName: string | null;
  /** The fallback procedure used: its title, null when none was used. */
  procedureTitle: string | null;
}

/**
 * 復旧日時: the first time the incident reached 暫定復旧 or a later status (the examples of
 * municipal 障害報告書 give it beside 発生日時); null while it has not recovered. The same rule
 * as the reports' time to 暫定復旧 (incidentDurations.ts).
 */
export function recoveredAt(incident: Pick<IncidentData, 'timeline'>): string | null {
  return firstReachedAt(incident.timeline, 'provisional');
}

/** 「レベル2（中程度）」, 「レベル2」 when its name is unknown here, 「未設定」. */
export function levelText(level: number | null, name: string | null): string {
  if (level === null) return '未設定';
  return name ? `レベル${level}（${name}）` : `レベル${level}`;
}

function text(value: string | null | undefined): string {
  return value?.trim() ? value.trim() : '—';
}

function field(key: keyof typeof labels, value: string, isLong = false): ReportField {
  return { key, label: labels[key], value: text(value), isLong };
}

/** The report's field tables, in the order of the incident form's sections. */
export function reportFieldGroups(
  incident: IncidentData,
  names: ReportNames,
): Record<'summary' | 'details' | 'followUp', ReportFieldGroup> {
  const recovered = recoveredAt(incident);
  return {
    summary: {
      id: 'summary',
      heading: '概要',
      fields: [
        field('title', incident.title),
        field('systemId', names.system),
        field('occurredAt', formatJapaneseDateTime(incident.occurredAt)),
        field('detectedAt', incident.detectedAt ? formatJapaneseDateTime(incident.detectedAt) : ''),
        field('status', incidentStatusLabels[incident.status]),
        {
          key: 'recoveredAt',
          label: '復旧日時',
          value: recovered ? formatJapaneseDateTime(recovered) : '（まだ復旧していません）',
        },
        field('level', levelText(incident.level, names.levelName)),
        field('scope', impactScopeLabels[incident.scope]),
      ],
    },
    details: {
      id: 'details',
      heading: '障害の内容',
      fields: [
        field('reporterName', incident.reporterName),
        field('department', incident.department),
        field('terminal', incident.terminal),
        field('screen', incident.screen),
        field('operation', incident.operation, true),
        field('symptoms', incident.symptoms, true),
        field('errorMessage', incident.errorMessage, true),
        field('othersAffected', incident.othersAffected, true),
        field('residentImpact', incident.residentImpact, true),
      ],
    },
    followUp: {
      id: 'followUp',
      heading: '対応と再発防止',
      fields: [
        field('procedureId', names.procedureTitle ?? 'なし'),
        field('cause', incident.cause, true),
        field('countermeasure', incident.countermeasure, true),
        field('recurrencePrevention', incident.recurrencePrevention, true),
        field(
          'manualUpdated',
          incident.manualUpdated
            ? `更新済み${incident.manualUpdateNote.trim() ? `（${incident.manualUpdateNote.trim()}）` : ''}`
            : '未更新',
        ),
      ],
    },
  };
}

export type ReportEventKind = 'status' | 'call' | 'note';
export const reportEventKindLabels: Record<ReportEventKind, string> = {
  status: '状態',
  call: '連絡',
  note: '経過',
};

/** One line of the printed timeline. */
export interface ReportEvent {
  id: string;
  at: string;
  kind: ReportEventKind;
  text: string;
}

/** The events of one Tokyo calendar day, with their clock times. */
export interface ReportDay {
  /** 「令和8年11月29日（2026年）」. */
  day: string;
  events: (ReportEvent & { time: string })[];
}

/**
 * One timeline, oldest first: the incident's 経過 entries (status changes, calls logged from the
 * outage desk, notes) and the calls of 連絡の記録 that have no 経過 entry of their own (typed
 * into the form afterwards). A call logged in one click is one entry in both lists, sharing
 * its id, so it is printed once.
 */
export function reportTimeline(
  incident: Pick<IncidentData, 'timeline' | 'contactsMade'>,
): ReportEvent[] {
  const calls = new Map(incident.contactsMade.map((c) => [c.id, c]));
  const entryIds = new Set(incident.timeline.map((t) => t.id));
  // Who made a call (incident 1.3), as the record's page names it: 「（山田 花子）」.
  const caller = (id: string) => {
    const by = calls.get(id)?.by?.trim();
    return by ? `（${by}）` : '';
  };
  const events: ReportEvent[] = incident.timeline.map((t) => ({
    id: t.id,
    at: t.at,
    kind: t.status !== null ? 'status' : calls.has(t.id) ? 'call' : 'note',
    text: t.status === null && calls.has(t.id) ? `${t.text}${caller(t.id)}` : t.text,
  }));
  for (const call of incident.contactsMade) {
    if (entryIds.has(call.id)) continue;
    const summary = call.summary.trim();
    events.push({
      id: call.id,
      at: call.at,
      kind: 'call',
      text: `${call.who}（${contactMethodLabels[call.method]}）${caller(call.id)}${summary ? `: ${summary}` : ''}`,
    });
  }
  // Instants compare as time, not as text: stations may write different offsets.
  return events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ event }) => event);
}

const tokyoClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tokyo',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The timeline by Tokyo day, so a row prints 「9:05」 under a heading with the date in 和暦. */
export function groupByDay(events: readonly ReportEvent[]): ReportDay[] {
  const days: ReportDay[] = [];
  for (const event of events) {
    const day = formatJapaneseDate(event.at);
    const parts = tokyoClock.formatToParts(new Date(event.at));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    // 「9:05」, as formatJapaneseDateTime writes the clock.
    const time = `${Number(part('hour'))}:${part('minute')}`;
    const last = days.at(-1);
    if (last?.day === day) last.events.push({ ...event, time });
    else days.push({ day, events: [{ ...event, time }] });
  }
  return days;
}
