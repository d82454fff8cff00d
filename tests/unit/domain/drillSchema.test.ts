import { describe, expect, it } from 'vitest';
import { drillDataSchema, emptyDrill, type DrillData } from '../../../src/domain/drill.ts';
import { followUpDataSchema } from '../../../src/domain/followUp.ts';
import { resolveConflictData } from '../../../src/domain/conflictResolution.ts';
import { allowedRecordTypes } from '../../../src/exchange/signerRoles.ts';
import { recordTitle } from '../../../src/domain/recordTitle.ts';

const SYSTEM = '00000000-0000-4000-8000-000000000001';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function drill(fields: Partial<DrillData> = {}): DrillData {
  return {
    ...emptyDrill(),
    title: '窓口停止訓練',
    plannedOn: '2026-12-10',
    systemId: SYSTEM,
    scenario: '朝9時にシステムが止まる',
    ...fields,
  };
}

describe('drill and follow-up records', () => {
  it('accepts a plan and refuses bad values with Japanese messages', () => {
    expect(drillDataSchema.safeParse(drill()).success).toBe(true);
    const bad = drillDataSchema.safeParse(
      drill({
        title: ' ',
        targetRecoveryMinutes: 0,
        startedAt: '2026-12-10T01:00:00.000Z',
        endedAt: '2026-12-10T00:00:00.000Z',
      }),
    );
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        '訓練名を入力してください',
        '目標復旧時間は1分以上で入力してください',
        '終了日時は開始日時より後にしてください',
      ]),
    );
  });

  it('needs when a closed follow-up was closed', () => {
    const base = { targetType: 'contact', targetId: SYSTEM, text: '番号を直す', status: 'closed' };
    expect(followUpDataSchema.safeParse(base).error?.issues[0]?.message).toBe(
      '対応日時を入力してください',
    );
    expect(
      followUpDataSchema.safeParse({ ...base, closedAt: '2026-12-10T00:00:00.000Z' }).success,
    ).toBe(true);
    expect(recordTitle('followUp', { ...base, status: 'open' } as never)).toBe(
      '要対応: 番号を直す',
    );
  });

  it('merges two PCs’ timelines and findings of one drill without dropping an entry', () => {
    const event = (n: number, at: string) => ({
      id: id(n),
      at,
      kind: 'note' as const,
      text: `メモ${n}`,
      phase: null,
      refId: null,
    });
    const a = drill({
      timeline: [event(1, '2026-12-10T00:00:00.000Z'), event(3, '2026-12-10T00:20:00.000Z')],
      findings: [{ id: id(10), text: '連絡先が古い' }],
    });
    const b = drill({
      timeline: [event(1, '2026-12-10T00:00:00.000Z'), event(2, '2026-12-10T00:10:00.000Z')],
      findings: [{ id: id(11), text: '手順が分かりにくい' }],
    });
    const merged = resolveConflictData('drill', [a, b]) as DrillData;
    expect(merged.timeline.map((e) => e.text)).toEqual(['メモ1', 'メモ2', 'メモ3']);
    // Both findings survive (list order follows the general rule for unordered lists).
    expect(merged.findings.map((f) => f.text).sort()).toEqual(
      ['手順が分かりにくい', '連絡先が古い'].sort(),
    );
  });

  it('lets a department send drills and follow-ups, not master data', () => {
    expect(allowedRecordTypes('department')).toEqual(['incident', 'drill', 'followUp']);
  });
});
