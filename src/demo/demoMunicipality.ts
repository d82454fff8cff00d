import { createId } from '../domain/ids.ts';
import { createStoredRecord } from '../domain/storedRecord.ts';
import type { RecordDataOf, RecordOf } from '../domain/recordSchemas.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import { emptyIncident, type IncidentData } from '../domain/incident.ts';
import { incidentStatuses, incidentStatusLabels } from '../domain/incidentStatus.ts';
import type { StationForm } from '../domain/station.ts';
import { demoContacts, demoLevels, DEMO_MUNICIPALITY, demoSystems } from './demoCatalog.ts';
import { demoProcedures } from './demoProcedures.ts';
import { demoIncidentTemplates, demoStatusForAge } from './demoIncidents.ts';

/**
 * The author of every demo record: not a real station, so demo data is found by it alone.
 * DO NOT CHANGE: stored in every demo record ever loaded.
 */
export const DEMO_AUTHOR_ID = 'de300000-0000-4000-8000-00000000de30';

export const demoStation: StationForm = {
  municipality: DEMO_MUNICIPALITY,
  department: '市民課',
  terminal: '窓口PC-01',
  staffName: 'デモ 利用者',
  // Two people share the demo's counter PC, so the header asks who is at the keyboard
  // (PRODUCT.md decision 6).
  staffNames: ['デモ 利用者', '山田 花子'],
  // The demo starts as the IT section, so a newcomer can try every editor (PRODUCT.md, decision 1).
  role: 'it-section',
};

export interface DemoData {
  system: RecordOf<'system'>[];
  incident: RecordOf<'incident'>[];
  contact: RecordOf<'contact'>[];
  incidentLevel: RecordOf<'incidentLevel'>[];
  procedure: RecordOf<'procedure'>[];
  drill: RecordOf<'drill'>[];
  followUp: RecordOf<'followUp'>[];
}

function stored<T extends RecordType>(
  type: T,
  data: RecordDataOf<T>,
  stationId: string,
  at: string,
): RecordOf<T> {
  return createStoredRecord(type, data, stationId, at);
}

/** A small deterministic PRNG (mulberry32), so benchmarks fill the same data every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const reporters = ['山田 花子', '田中 翔', '中村 さくら', '小林 大輔', '加藤 美穂', '吉田 直樹'];
const MINUTE = 60_000;

/**
 * `count` realistic incidents spread over the last `spanDays` days, cycling through the
 * templates. Used for the demo (about 30) and for benchmarks (10,000).
 */
export function generateDemoIncidents(
  count: number,
  systemIds: string[],
  options: { now?: Date; spanDays?: number; seed?: number } = {},
): IncidentData[] {
  const now = (options.now ?? new Date()).getTime();
  const spanDays = options.spanDays ?? 180;
  const random = seededRandom(options.seed ?? 1);
  const incidents: IncidentData[] = [];
  for (let i = 0; i < count; i += 1) {
    const template = demoIncidentTemplates[i % demoIncidentTemplates.length]!;
    const daysAgo = i === 0 ? 0 : Math.floor(random() * spanDays);
    const occurred =
      now - daysAgo * 86_400_000 - Math.floor(random() * 8 * 60) * MINUTE - 30 * MINUTE;
    const status = demoStatusForAge(daysAgo, i);
    const reachedIndex = incidentStatuses.indexOf(status);
    const timeline = incidentStatuses.slice(0, reachedIndex + 1).map((s, step) => ({
      id: createId(),
      at: new Date(occurred + step * 20 * MINUTE).toISOString(),
      status: s,
      text: step === 0 ? '障害記録を作成' : `状態を「${incidentStatusLabels[s]}」に変更`,
    }));
    const isSettled = reachedIndex >= incidentStatuses.indexOf('resolved');
    incidents.push(
      emptyIncident({
        title:
          count > demoIncidentTemplates.length * 3
            ? `${template.title}（${i + 1}）`
            : template.title,
        systemId: systemIds[template.system % systemIds.length]!,
        occurredAt: new Date(occurred).toISOString(),
        detectedAt: new Date(occurred + 5 * MINUTE).toISOString(),
        reporterName: reporters[i % reporters.length]!,
        department: demoSystems[template.system]?.department ?? '市民課',
        terminal: `窓口PC-${String((i % 8) + 1).padStart(2, '0')}`,
        screen: template.screen,
        operation: template.operation,
        symptoms: template.symptoms,
        errorMessage: template.errorMessage,
        scope: template.scope,
        othersAffected: template.scope === 'self' ? '' : '同じ課の窓口端末でも同じ症状',
        attempts: [
          { id: createId(), action: '端末を再起動した', result: '改善しなかった' },
          {
            id: createId(),
            action: '別の端末で同じ操作をした',
            result: template.scope === 'self' ? '別の端末では正常' : '同じエラー',
          },
        ],
        level: template.level,
        status,
        timeline,
        residentImpact: template.level >= 2 ? '窓口の待ち時間が延びた' : '',
        cause: isSettled ? template.cause : '',
        countermeasure: isSettled ? template.countermeasure : '',
        recurrencePrevention: status === 'closed' ? '手順書に確認項目を追加した' : '',
        manualUpdated: status === 'closed',
        manualUpdateNote: status === 'closed' ? '窓口マニュアル第4章を更新' : '',
      }),
    );
  }
  return incidents;
}

/** Every record of the fictional municipality 架空市, written by `stationId`. */
export function buildDemoData(stationId: string, now: Date = new Date()): DemoData {
  const at = now.toISOString();
  const system = demoSystems.map((data) => stored('system', data, stationId, at));
  const systemIds = system.map((s) => s.id);
  const contactIds = demoContacts.map(() => createId());
  const contact = demoContacts.map(({ data, systems, deputy }, index) => {
    const full: RecordDataOf<'contact'> = {
      ...data,
      systemIds: systems.map((i) => systemIds[i]!),
      deputyContactId: deputy === undefined ? null : contactIds[deputy]!,
    };
    return createStoredRecord('contact', full, stationId, at, contactIds[index]);
  });
  const incidentLevel = demoLevels.map((data) => stored('incidentLevel', data, stationId, at));
  const procedure = demoProcedures.map((p) =>
    stored(
      'procedure',
      {
        title: p.title,
        systemIds: p.systems.map((i) => systemIds[i]!),
        trigger: p.trigger,
        levels: p.levels,
        steps: p.steps.map(([phase, role, text]) => ({ id: createId(), phase, role, text })),
        residentGuidance: p.residentGuidance,
        paperForms: p.paperForms,
        afterRecovery: p.afterRecovery,
        owner: p.owner,
        lastReviewedOn: p.lastReviewedOn,
        version: p.version,
        agreements: p.agreements.map(([date, parties, content]) => ({
          id: createId(),
          date,
          parties,
          content,
        })),
      },
      stationId,
      at,
    ),
  );
  const incident = generateDemoIncidents(30, systemIds, { now }).map((data, i) => ({
    ...stored(
      'incident',
      {
        ...data,
        procedureId: (data.level ?? 0) >= 2 && i % 10 === 2 ? procedure[0]!.id : null,
      } as IncidentData,
      stationId,
      at,
    ),
  }));
  // No drills yet: the demo lets a newcomer plan the first one (issue 15).
  return { system, incident, contact, incidentLevel, procedure, drill: [], followUp: [] };
}
