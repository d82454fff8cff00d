import type { RecordDataOf, RecordOf } from '../domain/recordSchemas.ts';
import type { DrillEvent, DrillFinding } from '../domain/drill.ts';
import type { FollowUpTargetType } from '../domain/followUp.ts';
import { createId } from '../domain/ids.ts';
import { nowIso } from '../domain/dateTime.ts';
import { pickData } from '../domain/recordMeta.ts';
import { getDatabase } from './instance.ts';
import { saveRecord } from './records.ts';
import { createFollowUp } from './followUps.ts';
import { StaleRecordError } from './errors.ts';
import { ACTIVE_DRILL_KEY, loadActiveDrill, type DrillRecord } from './activeDrill.ts';

export { loadActiveDrill, useActiveDrill, type DrillRecord } from './activeDrill.ts';

type DrillData = RecordDataOf<'drill'>;

function writeTables() {
  const db = getDatabase();
  return [db.drills, db.followUps, db.settings, db.audit, db.drafts, db.attachments];
}

/** Another drill runs on this station: one drill at a time, so every entry has one home. */
export class OtherDrillRunningError extends Error {
  override name = 'OtherDrillRunningError';
  constructor(readonly title: string) {
    super(`訓練「${title}」が実施中です。先にその訓練を終了してください。`);
  }
}

/** Reads a drill inside the running transaction, refusing a missing or deleted one. */
async function requireDrill(id: string): Promise<DrillRecord> {
  const drill = await getDatabase().drills.get(id);
  if (!drill || drill.deleted) throw new StaleRecordError('drill missing or deleted');
  return drill;
}

function saveDrill(drill: DrillRecord, changes: Partial<DrillData>): Promise<DrillRecord> {
  return saveRecord('drill', { ...pickData(drill), ...changes } as DrillData, {
    id: drill.id,
    baseRev: drill.rev,
  });
}

function event(kind: DrillEvent['kind'], at: string, fields: Partial<DrillEvent> = {}): DrillEvent {
  return { id: createId(), at, kind, text: '', phase: null, refId: null, ...fields };
}

/**
 * Starts drill mode: the drill becomes 実施中 with its start time, and this station's active
 * drill (kept in settings, so it survives a reload). Throws OtherDrillRunningError, changing
 * nothing, while another drill runs here.
 */
export async function startDrill(id: string): Promise<DrillRecord> {
  const db = getDatabase();
  return db.transaction('rw', writeTables(), async () => {
    const running = await loadActiveDrill();
    if (running && running.id !== id) throw new OtherDrillRunningError(running.title);
    const drill = await requireDrill(id);
    const at = nowIso();
    const saved =
      drill.status === 'running'
        ? drill
        : await saveDrill(drill, {
            status: 'running',
            startedAt: drill.startedAt ?? at,
            endedAt: null,
            timeline: [...drill.timeline, event('started', at)],
          });
    await db.settings.put({ key: ACTIVE_DRILL_KEY, value: { drillId: id } });
    return saved;
  });
}

/** Adds one entry to a running drill's timeline; ignored when the drill is not running. */
export async function appendDrillEvent(
  id: string,
  fields: Omit<DrillEvent, 'id' | 'at'> & { at?: string },
): Promise<void> {
  const db = getDatabase();
  await db.transaction('rw', writeTables(), async () => {
    const drill = await requireDrill(id);
    if (drill.status !== 'running') return;
    const { at = nowIso(), ...rest } = fields;
    await saveDrill(drill, { timeline: [...drill.timeline, event(rest.kind, at, rest)] });
  });
}

/**
 * Ends the drill with its findings (empty texts are dropped) and leaves drill mode. Throws
 * RecordValidationError for a finding that is too long; then nothing changes.
 */
export async function endDrill(id: string, findingTexts: readonly string[]): Promise<DrillRecord> {
  const db = getDatabase();
  return db.transaction('rw', writeTables(), async () => {
    const drill = await requireDrill(id);
    const at = nowIso();
    const findings: DrillFinding[] = findingTexts
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => ({ id: createId(), text }));
    const saved = await saveDrill(drill, {
      status: 'done',
      endedAt: at,
      timeline: [...drill.timeline, event('ended', at)],
      findings: [...drill.findings, ...findings],
    });
    const row = await db.settings.get(ACTIVE_DRILL_KEY);
    if ((row?.value as { drillId?: string } | undefined)?.drillId === id)
      await db.settings.delete(ACTIVE_DRILL_KEY);
    return saved;
  });
}

/**
 * Turns one finding into work: a follow-up on the record it concerns, linked both ways (the
 * finding keeps its id), in one transaction. A finding that already has one is refused.
 */
export async function openFindingFollowUp(
  drillId: string,
  findingId: string,
  target: { targetType: FollowUpTargetType; targetId: string; text?: string },
): Promise<RecordOf<'followUp'>> {
  const db = getDatabase();
  return db.transaction('rw', writeTables(), async () => {
    const drill = await requireDrill(drillId);
    const finding = drill.findings.find((f) => f.id === findingId);
    if (!finding || finding.followUpId) throw new StaleRecordError('finding missing or linked');
    const followUp = await createFollowUp({
      targetType: target.targetType,
      targetId: target.targetId,
      text: target.text?.trim() || finding.text,
      drillId,
      findingId,
    });
    await saveDrill(drill, {
      findings: drill.findings.map((f) =>
        f.id === findingId ? { ...f, followUpId: followUp.id } : f,
      ),
    });
    return followUp;
  });
}
