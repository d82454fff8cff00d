import { describe, expect, it } from 'vitest';
import { demoBinderRecords } from '../../procedureFixtures.ts';
import { binderEntries, planBinder } from '../../../src/print/binderPlan.ts';

const { demo, records } = demoBinderRecords();

describe('planBinder', () => {
  const plan = planBinder(records);
  const lan = demo.procedure.find((p) => p.title.startsWith('庁内LAN'))!;

  it('gives every system with a procedure a chapter, most important first', () => {
    const names = plan.chapters.map((c) => c.system.name);
    expect(names.slice(0, 3).sort()).toEqual(
      ['住民記録システム', '福祉総合システム', '庁内LAN・LGWAN接続'].sort(),
    );
    expect(names).toHaveLength(7);
    expect(plan.chapters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(plan.withoutProcedure).toEqual(['窓口受付・番号案内システム']);
    expect(plan.levels.number).toBe(8);
    expect(plan.levels.rows.map((l) => l.level)).toEqual([1, 2, 3, 4]);
  });

  it('prints a shared procedure once, in the first chapter that needs it, and refers to it after', () => {
    const printedIn = plan.chapters.filter((c) =>
      c.procedures.some((p) => p.procedure.id === lan.id),
    );
    expect(printedIn).toHaveLength(1);
    const home = printedIn[0]!;
    const referring = plan.chapters.filter((c) =>
      c.printedEarlier.some((e) => e.title === lan.title),
    );
    expect(referring).toHaveLength(lan.systemIds.length - 1);
    for (const chapter of referring) {
      expect(chapter.number).toBeGreaterThan(home.number);
      const earlier = chapter.printedEarlier.find((e) => e.title === lan.title)!;
      expect(earlier.chapter).toBe(home.number);
      expect(earlier.anchor).toBe(home.procedures.find((p) => p.procedure.id === lan.id)!.anchor);
    }
    expect(plan.procedureCount).toBe(demo.procedure.length);
  });

  it('lists whom to call for each system', () => {
    const resident = plan.chapters.find((c) => c.system.name === '住民記録システム')!;
    expect(resident.contacts.map((c) => c.name)).toContain(
      'ヘルプデスク（架空システムズ株式会社）',
    );
  });

  it('numbers the entries in the order they are printed, each with the heading that starts it', () => {
    const entries = binderEntries(plan);
    expect(entries).toHaveLength(plan.chapters.length + plan.procedureCount + 1);
    expect(new Set(entries.map((e) => e.anchor)).size).toBe(entries.length);
    const first = plan.chapters[0]!;
    expect(entries[0]).toEqual({
      anchor: 'binder-ch-1',
      marker: `第1章 ${first.system.name}`,
    });
    expect(entries[1]!.marker).toBe(`代替手順「${first.procedures[0]!.procedure.title}」`);
    expect(entries.at(-1)).toEqual({ anchor: 'binder-ch-8', marker: '第8章 障害レベルの目安' });
  });

  it('still has the level guide when there is no procedure yet', () => {
    const empty = planBinder({ ...records, procedures: [] });
    expect(empty.chapters).toEqual([]);
    expect(empty.withoutProcedure).toHaveLength(demo.system.length);
    expect(binderEntries(empty)).toEqual([
      { anchor: 'binder-ch-1', marker: '第1章 障害レベルの目安' },
    ]);
  });
});
