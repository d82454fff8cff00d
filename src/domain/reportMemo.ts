import { impactScopeLabels, incidentFieldLabels, type IncidentData } from './incident.ts';
import { formatJapaneseDateTime } from './japaneseDate.ts';

/**
 * 報告メモ: what a clerk tells the vendor desk or the IT section, built from an incident in the
 * order seed 000 gives (いつ, どこで, どのような操作, どのような症状, 他の職員への影響, 試したこと).
 * Pure: the screen, the print layout and the copied text all read the same memo, so what is read
 * out, printed and mailed never differ.
 */

/** Shown for a fact nobody wrote down, so the clerk sees what the desk is going to ask. */
export const NOT_RECORDED = '未記入';

// DO NOT REORDER: this is the seed's order, and staff are taught to report in it.
export const reportMemoFactKeys = [
  'when',
  'where',
  'operation',
  'symptom',
  'others',
  'attempts',
] as const;
export type ReportMemoFactKey = (typeof reportMemoFactKeys)[number];

export const reportMemoFactLabels: Record<ReportMemoFactKey, string> = {
  when: 'いつ',
  where: 'どこで',
  operation: 'どのような操作',
  symptom: 'どのような症状',
  others: '他の職員への影響',
  attempts: '試したこと',
};

/** One line of a fact, optionally labelled (「端末: 窓口PC-01」). */
export interface ReportMemoLine {
  label?: string;
  value: string;
  /** True when the value is 「未記入」. */
  isMissing: boolean;
}

export interface ReportMemoFact {
  key: ReportMemoFactKey;
  label: string;
  lines: ReportMemoLine[];
  /** True when nothing at all is recorded for this fact. */
  isMissing: boolean;
}

/** The desk being called, as the memo quotes it. */
export interface ReportMemoDesk {
  name: string;
  /** 契約番号・お客様番号; 「未記入」 when the contact has none. */
  contractNumber: string;
  phone: string | null;
}

export interface ReportMemo {
  title: string;
  system: string;
  /** 「レベル2 業務に支障」 or 「未記入」. */
  level: string;
  reporter: string;
  desk: ReportMemoDesk | null;
  facts: ReportMemoFact[];
  /** Photos and screenshots attached to the incident. */
  attachmentCount: number;
}

export interface ReportMemoInput {
  incident: IncidentData;
  systemName: string;
  /** The level's name from the level guide, when the incident has a level. */
  levelName: string | null;
  desk: {
    name: string;
    organization: string;
    contractNumber: string;
    phone: string | null;
  } | null;
}

function line(value: string, label?: string): ReportMemoLine {
  const text = value.trim();
  return {
    ...(label ? { label } : {}),
    value: text || NOT_RECORDED,
    isMissing: !text,
  };
}

function fact(key: ReportMemoFactKey, lines: ReportMemoLine[]): ReportMemoFact {
  return {
    key,
    label: reportMemoFactLabels[key],
    lines,
    isMissing: lines.every((l) => l.isMissing),
  };
}

function whenLines(incident: IncidentData): ReportMemoLine[] {
  const lines = [line(incident.occurredAt ? formatJapaneseDateTime(incident.occurredAt) : '')];
  if (incident.detectedAt)
    lines.push(line(formatJapaneseDateTime(incident.detectedAt), incidentFieldLabels.detectedAt));
  return lines;
}

function attemptLines(incident: IncidentData): ReportMemoLine[] {
  const lines = incident.attempts
    .filter((a) => a.action.trim())
    .map((a) => line(`${a.action.trim()} → ${a.result.trim() || '（結果未記入）'}`));
  return lines.length ? lines : [line('')];
}

/** The memo of one incident; every empty fact or part of a fact reads 「未記入」. */
export function buildReportMemo(input: ReportMemoInput): ReportMemo {
  const { incident, desk } = input;
  const labels = incidentFieldLabels;
  const facts: ReportMemoFact[] = [
    fact('when', whenLines(incident)),
    fact('where', [
      line(incident.department, labels.department),
      line(incident.terminal, labels.terminal),
      line(incident.screen, labels.screen),
    ]),
    fact('operation', [line(incident.operation)]),
    fact('symptom', [
      line(incident.symptoms, labels.symptoms),
      line(
        incident.errorMessage.trim() ? `「${incident.errorMessage.trim()}」` : '',
        '表示されたメッセージ',
      ),
    ]),
    fact('others', [
      line(impactScopeLabels[incident.scope], labels.scope),
      line(incident.othersAffected, labels.othersAffected),
    ]),
    fact('attempts', attemptLines(incident)),
  ];
  return {
    title: incident.title.trim() || NOT_RECORDED,
    system: input.systemName.trim() || NOT_RECORDED,
    level:
      incident.level === null
        ? NOT_RECORDED
        : `レベル${incident.level}${input.levelName ? ` ${input.levelName}` : ''}`,
    reporter:
      [incident.department, incident.reporterName].filter((s) => s.trim()).join(' ') ||
      NOT_RECORDED,
    desk: desk
      ? {
          name: desk.organization ? `${desk.organization} ${desk.name}` : desk.name,
          contractNumber: desk.contractNumber.trim() || NOT_RECORDED,
          phone: desk.phone,
        }
      : null,
    facts,
    attachmentCount: incident.attachments.length,
  };
}

function lineText(l: ReportMemoLine): string {
  return l.label ? `${l.label}: ${l.value}` : l.value;
}

/**
 * The memo as plain text for a mail or a FAX cover: numbered facts in the seed's order, CRLF-free
 * (the mail program chooses its own line ends), no markup.
 */
export function reportMemoText(memo: ReportMemo): string {
  const head = [
    `【報告メモ】${memo.system}`,
    `件名: ${memo.title}`,
    `障害レベル: ${memo.level}`,
    ...(memo.desk
      ? [
          `連絡先: ${memo.desk.name}${memo.desk.phone ? `（${memo.desk.phone}）` : ''}`,
          `契約番号・お客様番号: ${memo.desk.contractNumber}`,
        ]
      : []),
    `報告者: ${memo.reporter}`,
  ];
  const body = memo.facts.flatMap((f, index) => {
    const [first, ...rest] = f.lines;
    if (f.lines.length === 1 && !first!.label) return [`${index + 1}. ${f.label}: ${first!.value}`];
    return [`${index + 1}. ${f.label}`, ...[first!, ...rest].map((l) => `   ${lineText(l)}`)];
  });
  const photos =
    memo.attachmentCount > 0
      ? [`写真・画面の記録: ${memo.attachmentCount}件（別にお送りします）`]
      : [];
  return [...head, '', ...body, ...photos].join('\n');
}

/** The call's summary for the timeline: the facts that were ticked as said, in memo order. */
export function reportMemoCallSummary(said: ReadonlySet<ReportMemoFactKey>): string {
  const keys = reportMemoFactKeys.filter((k) => said.has(k));
  if (keys.length === 0) return '報告メモで報告';
  const names = keys.map((k) => reportMemoFactLabels[k]).join('・');
  return keys.length === reportMemoFactKeys.length
    ? `報告メモで報告（${names}をすべて伝えた）`
    : `報告メモで報告（伝えた項目: ${names}）`;
}
