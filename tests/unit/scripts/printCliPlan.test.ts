// @vitest-environment node
// What `npm run print` decides to print (scripts/printPlan.ts) and how it counts the pages of what
// Chromium wrote (scripts/printDocuments.ts), on the demo municipality's records.
import { describe, expect, it } from 'vitest';
import { buildDemoData, DEMO_AUTHOR_ID } from '../../../src/demo/demoMunicipality.ts';
import { kitSystems, latestIncident, type Printables } from '../../../scripts/printPlan.ts';
import { countPdfPages } from '../../../scripts/printDocuments.ts';
import { PrintFailure } from '../../../scripts/printFailure.ts';

const demo = buildDemoData(DEMO_AUTHOR_ID, new Date('2026-11-29T03:00:00Z'));
const printables: Printables = {
  systems: demo.system,
  procedures: demo.procedure,
  incidents: demo.incident,
};
const names = (systems: { name: string }[]) => systems.map((s) => s.name);

describe('kitSystems', () => {
  it('gives every system with a procedure a kit, 非常時優先業務 first as on the outage screen', () => {
    const kits = names(kitSystems(printables, null));
    expect(kits[0]).toBe('住民記録システム');
    expect(kits).toContain('税務システム');
    // The one demo system without a procedure gets no kit of its own.
    expect(kits).not.toContain('窓口受付・番号案内システム');
    expect(kits).toHaveLength(
      demo.system.filter((s) => demo.procedure.some((p) => p.systemIds.includes(s.id))).length,
    );
  });

  it('gives --system its kit, matched as the app matches names, procedure or not', () => {
    expect(names(kitSystems(printables, '住民記録ｼｽﾃﾑ '))).toEqual(['住民記録システム']);
    expect(names(kitSystems(printables, '窓口受付・番号案内システム'))).toEqual([
      '窓口受付・番号案内システム',
    ]);
  });

  it('refuses an unknown --system, naming the systems there are', () => {
    expect(() => kitSystems(printables, '人事給与システム')).toThrow(PrintFailure);
    expect(() => kitSystems(printables, '人事給与システム')).toThrow(
      /システム「人事給与システム」が見つかりません。登録されているシステム: 住民記録システム、/,
    );
    expect(() => kitSystems({ ...printables, systems: [] }, '税務')).toThrow(/（登録なし）/);
  });

  it('leaves out a deleted system', () => {
    const [first, ...rest] = printables.systems;
    const deleted = { ...first!, deleted: true };
    expect(names(kitSystems({ ...printables, systems: [deleted, ...rest] }, null))).not.toContain(
      first!.name,
    );
  });
});

describe('latestIncident', () => {
  const at = (id: string, occurredAt: string, deleted = false) => ({
    id,
    title: id,
    occurredAt,
    deleted,
  });

  it('picks the incident that occurred last, whatever the order given', () => {
    expect(
      latestIncident([
        at('a', '2026-11-01T09:00:00.000Z'),
        at('c', '2026-11-28T23:30:00.000Z'),
        at('b', '2026-11-20T10:00:00.000Z'),
      ])?.id,
    ).toBe('c');
    const newest = [...demo.incident].sort((x, y) => y.occurredAt.localeCompare(x.occurredAt))[0]!;
    expect(latestIncident(demo.incident)?.id).toBe(newest.id);
  });

  it('skips deleted incidents and unreadable dates; none gives undefined', () => {
    expect(
      latestIncident([
        at('kept', '2026-11-01T09:00:00.000Z'),
        at('gone', '2026-11-29T09:00:00.000Z', true),
        at('broken', 'not a date'),
      ])?.id,
    ).toBe('kept');
    expect(latestIncident([])).toBeUndefined();
    expect(latestIncident([at('gone', '2026-11-29T09:00:00.000Z', true)])).toBeUndefined();
  });
});

describe('countPdfPages', () => {
  const pdf = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

  it('reads the root of a nested page tree, not a branch or the outline', () => {
    const file = [
      '%PDF-1.4',
      '1 0 obj <</Type /Catalog /Pages 2 0 R /Outlines 9 0 R>> endobj',
      '2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R] /Count 12>> endobj',
      '3 0 obj <</Type /Pages /Parent 2 0 R /Kids [5 0 R] /Count 8>> endobj',
      '4 0 obj <</Count 4 /Type /Pages /Parent 2 0 R /Kids [6 0 R]>> endobj',
      '9 0 obj <</Type /Outlines /Count 40>> endobj',
      'stream <<binary>> endstream',
    ].join('\n');
    expect(countPdfPages(pdf(file))).toBe(12);
  });

  it('reads a single-level tree, and gives 0 for something that is no PDF', () => {
    expect(countPdfPages(pdf('<</Type/Pages/Count 3/Kids[4 0 R 5 0 R 6 0 R]>>'))).toBe(3);
    expect(countPdfPages(pdf('<</Type /Page /Parent 2 0 R>>'))).toBe(0);
    expect(countPdfPages(pdf('hello'))).toBe(0);
  });
});
