import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { expectNothingPrinted, renderPrintRoute, stubWindowPrint } from './printRouteHarness.tsx';
import { buildDemoData, DEMO_AUTHOR_ID } from '../../src/demo/demoMunicipality.ts';
import { OutageKit } from '../../src/print/OutageKit.tsx';
import { IncidentSheet } from '../../src/print/IncidentSheet.tsx';
import { OutageKitPage } from '../../src/print/OutageKitPage.tsx';
import { IncidentSheetPage } from '../../src/print/IncidentSheetPage.tsx';
import { incidentFieldLabels } from '../../src/domain/incident.ts';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { saveRecord } from '../../src/db/records.ts';
import type { Station } from '../../src/domain/station.ts';

const demo = buildDemoData(DEMO_AUTHOR_ID, new Date('2026-11-29T00:00:00Z'));
const system = demo.system[0]!; // 住民記録システム
const printedAt = new Date('2026-11-29T05:30:00Z'); // 14:30 in Tokyo

function renderKit(
  props: { sheets?: number; procedureId?: string | null; procedures?: typeof demo.procedure } = {},
) {
  return render(
    <OutageKit
      municipality="架空市"
      system={system}
      procedures={props.procedures ?? demo.procedure}
      contacts={demo.contact}
      levels={demo.incidentLevel}
      procedureId={props.procedureId ?? null}
      sheets={props.sheets ?? 5}
      printedAt={printedAt}
    />,
  );
}

describe('OutageKit (pure layout)', () => {
  it('heads the kit with the municipality, document, version, last review and 印刷日時 in 和暦', () => {
    const { container } = renderKit();
    const header = container.querySelector<HTMLElement>('.doc-header')!;
    expect(header).toHaveTextContent('架空市');
    expect(within(header).getByRole('heading', { level: 1 })).toHaveTextContent(
      '住民記録システム障害時キット',
    );
    expect(header).toHaveTextContent('第3版');
    expect(header).toHaveTextContent('最終見直し日令和8年4月15日（2026年）');
    expect(header).toHaveTextContent('印刷日時令和8年11月29日（2026年） 14:30');
  });

  it('prints the procedure from 初動, each step with a tick box and its role', () => {
    renderKit();
    const procedure = screen.getByRole('region', { name: /代替手順「住民記録システム停止時/ });
    const headings = within(procedure)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.firstChild?.textContent);
    expect(headings).toEqual([
      '開始の判断',
      '初動',
      '代替',
      '復旧',
      '紙の様式',
      '後処理（紙の記録の入力など）',
    ]);
    const steps = procedure.querySelectorAll('.print-step');
    expect(steps).toHaveLength(8);
    expect(steps[0]).toHaveTextContent(
      '☐1窓口担当発生時刻・画面・エラーメッセージを障害記録に残し',
    );
    expect(procedure).toHaveTextContent('レベル2（中程度）、レベル3（重大）');
    // The system's other procedure is named, not silently left out.
    expect(
      screen.getByText(/このシステムのほかの代替手順: 「庁内LAN・LGWAN停止時の全庁対応」/),
    ).toBeInTheDocument();
  });

  it('prints the procedure chosen on screen when one was', () => {
    const lan = demo.procedure.find((p) => p.title.startsWith('庁内LAN'))!;
    renderKit({ procedureId: lan.id });
    expect(
      screen.getByRole('region', { name: '代替手順「庁内LAN・LGWAN停止時の全庁対応」' }),
    ).toBeInTheDocument();
  });

  it('lists whom to call with numbers for business hours, after hours and the deputy', () => {
    renderKit();
    const contacts = screen.getByRole('region', { name: '連絡先（連絡する順）' });
    const rows = within(contacts).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('佐藤 一郎（架空市）');
    expect(rows[0]).toHaveTextContent('職務代行: 鈴木 美咲（架空市） 直通 0000-11-2346');
    const helpdesk = rows.find((r) => r.textContent?.includes('ヘルプデスク'))!;
    expect(helpdesk).toHaveTextContent('代表 0120-000-111');
    expect(helpdesk).toHaveTextContent('090-0000-1111');
    expect(helpdesk).toHaveTextContent('月〜金 8:30〜17:30（祝日・閉庁日は休み）');
    expect(helpdesk).toHaveTextContent('KS-2024-00123');
  });

  it('has the level guide and the agreements, newest first', () => {
    renderKit();
    const levels = screen.getByRole('region', { name: '障害レベルの目安' });
    expect(within(levels).getAllByRole('row')).toHaveLength(5);
    expect(levels).toHaveTextContent('発生から10分以内');
    const agreements = within(screen.getByRole('region', { name: '合意事項' })).getAllByRole('row');
    expect(agreements[1]).toHaveTextContent('令和8年4月15日（2026年）情報政策課');
  });

  it('puts the resident guidance alone in its poster, then 5 blank sheets by default', () => {
    renderKit();
    const poster = screen.getByRole('region', { name: '住民への案内（掲示用）' });
    expect(poster).toHaveTextContent(
      'ただいまシステム障害のため、住民票の写し等の証明書を発行できません。',
    );
    expect(poster).toHaveTextContent('架空市 市民課');
    expect(poster).not.toHaveTextContent('初動');
    expect(poster.classList).toContain('guidance-poster');
    const sheets = screen.getAllByRole('region', { name: '障害記録票' });
    expect(sheets).toHaveLength(5);
    // The kit's sheets come with the system already written in.
    expect(sheets[0]).toHaveTextContent('システム住民記録システム');
  });

  it('puts the procedure’s translations beside the Japanese on the poster, each in its own lang', () => {
    const translated = demo.procedure.map((p) =>
      p.systemIds.includes(system.id)
        ? {
            ...p,
            guidanceTranslations: [
              {
                lang: 'en',
                text: 'Certificates cannot be issued now.',
                status: 'reviewed' as const,
              },
              { lang: 'zh-CN', text: '目前无法发放证明书。', status: 'template' as const },
            ],
          }
        : p,
    );
    const { container } = renderKit({ procedures: translated });
    const poster = container.querySelector<HTMLElement>('.guidance-poster')!;
    expect(poster).toHaveTextContent('Certificates cannot be issued now.');
    expect(poster.querySelector('[lang="en"]')).toHaveTextContent('Certificates cannot be issued');
    expect(poster.querySelector('[lang="zh-CN"]')).toHaveTextContent('目前无法发放证明书。');
  });

  it('prints no blank sheet when asked for 0', () => {
    renderKit({ sheets: 0 });
    expect(screen.queryAllByRole('region', { name: '障害記録票' })).toHaveLength(0);
  });
});

describe('IncidentSheet', () => {
  it('offers every field in the order of the incident form, to type back top to bottom', () => {
    render(<IncidentSheet municipality="架空市" printedAt={printedAt} levels={[]} />);
    // The label's first text, without the hint in <small>; a table's caption whole.
    const labels = [...document.querySelectorAll('.sheet-label, .sheet-table caption')].map(
      (el) => (el.tagName === 'CAPTION' ? el.textContent : el.firstChild?.textContent) ?? '',
    );
    const l = incidentFieldLabels;
    expect(labels).toEqual([
      l.title,
      l.systemId,
      l.occurredAt,
      l.detectedAt,
      l.level,
      l.scope,
      `${l.reporterName}（記入者）`,
      l.department,
      `${l.terminal}・場所`,
      l.screen,
      l.operation,
      l.symptoms,
      l.errorMessage,
      l.othersAffected,
      l.residentImpact,
      l.attempts,
      `${l.contactsMade}（連絡先と連絡時刻）`,
    ]);
    const sheet = screen.getByRole('region', { name: '障害記録票' });
    expect(sheet).toHaveTextContent('☐自分の端末のみ☐複数の端末☐課全体☐全庁');
    expect(sheet).toHaveTextContent('令和年月日（）時分');
    expect(sheet).toHaveTextContent('印刷日時 令和8年11月29日（2026年） 14:30');
  });

  it('offers the levels to tick when they are known', () => {
    render(
      <IncidentSheet
        municipality="架空市"
        printedAt={printedAt}
        levels={[
          { level: 1, name: '軽微' },
          { level: 2, name: '中程度' },
        ]}
      />,
    );
    expect(screen.getByRole('region', { name: '障害記録票' })).toHaveTextContent(
      '☐1 軽微☐2 中程度',
    );
  });
});

describe('print routes', () => {
  let station: Station;
  let print: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    ({ station } = await freshDatabaseWithStation());
    print = stubWindowPrint();
  });
  afterEach(() => vi.unstubAllGlobals());

  function renderRoute(path: string) {
    return renderPrintRoute(path, {
      '/print/outage-kit/:systemId': <OutageKitPage station={station} />,
      '/print/incident-sheet': <IncidentSheetPage station={station} />,
    });
  }

  /** A system with no procedure of its own: the kit still prints, and says so. */
  const saveTaxSystem = () =>
    saveRecord('system', {
      name: '税務システム',
      department: '税務課',
      vendor: '',
      continuityPriority: 'high',
      priorityServices: '',
      rtoHours: 24,
      notes: '',
    });

  it('prints the kit by itself once its records are loaded, exactly once', async () => {
    const saved = await saveTaxSystem();
    renderRoute(`/print/outage-kit/${saved.id}`);
    await screen.findByRole('heading', { level: 1, name: /税務システム\s*障害時キット/ });
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(document.title).toBe('税務システム 障害時キット — 備え');
    expect(screen.getByText(/このシステムの代替手順は登録されていません/)).toBeInTheDocument();
    expect(screen.getAllByRole('region', { name: '障害記録票' })).toHaveLength(5);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-print-ready="true"]')).not.toBeNull();
  });

  it('only shows the kit with ?auto=0', async () => {
    const saved = await saveTaxSystem();
    renderRoute(`/print/outage-kit/${saved.id}?auto=0&sheets=2`);
    await vi.waitFor(() =>
      expect(document.querySelector('[data-print-ready="true"]')).not.toBeNull(),
    );
    expect(print).not.toHaveBeenCalled();
    expect(screen.getAllByRole('region', { name: '障害記録票' })).toHaveLength(2);
    expect(screen.getByRole('combobox', { name: /白紙の障害記録票/ })).toHaveValue('2');
  });

  it('says a system that is gone is gone, and prints nothing', async () => {
    renderRoute('/print/outage-kit/00000000-0000-4000-8000-000000000000');
    await expectNothingPrinted(print, /このシステムは見つかりません/);
  });

  it('stamps 印刷日時 again just before the browser prints', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-29T05:30:00Z'));
      renderRoute('/print/incident-sheet?auto=0&sheets=1');
      await screen.findByText('印刷日時 令和8年11月29日（2026年） 14:30');
      vi.setSystemTime(new Date('2026-11-29T06:45:00Z'));
      window.dispatchEvent(new Event('beforeprint'));
      expect(screen.getByText('印刷日時 令和8年11月29日（2026年） 15:45')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('prints blank sheets alone, at least one', async () => {
    renderRoute('/print/incident-sheet?sheets=0');
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(screen.getAllByRole('region', { name: '障害記録票' })).toHaveLength(1);
    expect(screen.getByRole('toolbar', { name: '印刷' })).toBeInTheDocument();
  });
});
