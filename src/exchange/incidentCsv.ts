import { impactScopeLabels, type IncidentData } from '../domain/incident.ts';
import { incidentStatusLabels } from '../domain/incidentStatus.ts';
import { toCsv, type CsvCell } from './csv.ts';

const header = [
  '件名',
  'システム',
  '発生日時',
  '状態',
  'レベル',
  '影響範囲',
  '報告者',
  '部署',
  '端末',
  '画面',
  '症状',
  'エラーメッセージ',
  '原因',
  '対策',
];

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 2026/11/21 09:05 in Japan time whatever the PC's zone (Japan has had no daylight saving
 * since 1951, so a fixed +09:00 is exact). A form Excel reads as a date.
 */
function formatTokyoDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return '';
  const d = new Date(ms + TOKYO_OFFSET_MS);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Incidents as a CSV for Excel (one row each), e.g. for the IT section's own tallies. */
export function incidentsToCsv(
  incidents: readonly IncidentData[],
  systemNameOf: (incident: IncidentData) => string,
): string {
  const rows = incidents.map((incident): CsvCell[] => [
    incident.title,
    systemNameOf(incident),
    formatTokyoDateTime(incident.occurredAt),
    incidentStatusLabels[incident.status],
    incident.level,
    impactScopeLabels[incident.scope],
    incident.reporterName,
    incident.department,
    incident.terminal,
    incident.screen,
    incident.symptoms,
    incident.errorMessage,
    incident.cause,
    incident.countermeasure,
  ]);
  return toCsv(header, rows);
}
