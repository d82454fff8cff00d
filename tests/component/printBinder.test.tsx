import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Binder } from '../../src/print/Binder.tsx';
import { BinderPage } from '../../src/print/BinderPage.tsx';
import { binderEntries, planBinder } from '../../src/print/binderPlan.ts';
import { ProcedureListPage } from '../../src/features/procedures/ProcedureListPage.tsx';
import { ProcedureDetailPage } from '../../src/features/procedures/ProcedureDetailPage.tsx';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { saveRecord } from '../../src/db/records.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { demoBinderRecords, procedureData } from '../procedureFixtures.ts';
import type { Station } from '../../src/domain/station.ts';

const plan = planBinder(demoBinderRecords().records);
const entryCount = binderEntries(plan).length;
const madeAt = new Date('2026-11-29T05:30:00Z'); // 14:30 in Tokyo

describe('Binder (pure layout)', () => {
  it('opens with a cover: municipality, 緊急時バインダー, 作成日時 in 和暦, how to use it', () => {
    render(
      <Binder municipality="架空市" plan={plan} madeAt={madeAt} pages={null} variant="print" />,
    );
    const cover = screen.getByRole('region', { name: '表紙' });
    expect(within(cover).getByRole('heading', { level: 1 })).toHaveTextContent('緊急時バインダー');
    expect(cover).toHaveTextContent('架空市');
    expect(cover).toHaveTextContent('作成日時令和8年11月29日（2026年） 14:30');
    expect(cover).toHaveTextContent('システム7件・代替手順4件');
    expect(
      within(cover)
        .getAllByRole('paragraph')
        .filter((p) => p.closest('.binder-howto')),
    ).toHaveLength(2);
    // Paper does not say it is a copy that may be stale; it has its 印刷日時 on every chapter.
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('has one chapter per system with a procedure, each headed with its number and the date', () => {
    render(
      <Binder municipality="架空市" plan={plan} madeAt={madeAt} pages={null} variant="print" />,
    );
    const chapters = document.querySelectorAll<HTMLElement>('.binder-chapter');
    expect(chapters).toHaveLength(8);
    const first = screen.getByRole('region', { name: /^第1章 / });
    expect(first).toHaveTextContent('架空市 緊急時バインダー');
    expect(first).toHaveTextContent('印刷日時 令和8年11月29日（2026年） 14:30');
    expect(first.getAttribute('data-binder-marker')).toBe(first.querySelector('h1')!.textContent);
    const resident = screen.getByRole('region', { name: /住民記録システム$/ });
    expect(resident.querySelectorAll('.binder-procedure')).toHaveLength(2);
    expect(resident).toHaveTextContent('ただいまシステム障害のため、住民票の写し等の証明書');
    expect(resident).toHaveTextContent('最終見直し日: 令和8年4月15日（2026年）');
    expect(resident).toHaveTextContent('ヘルプデスク（架空システムズ株式会社）');
    expect(resident).toHaveTextContent('KS-2024-00123');
    // The shared LAN procedure is printed once; the tax system's chapter points to it.
    expect(
      screen.getAllByRole('heading', { name: '代替手順「庁内LAN・LGWAN停止時の全庁対応」' }),
    ).toHaveLength(1);
    const tax = screen.getByRole('region', { name: /税務システム$/ });
    expect(tax).toHaveTextContent(
      /このシステムの代替手順「庁内LAN・LGWAN停止時の全庁対応」は、第\d章にあります。/,
    );
    expect(tax.querySelector('.binder-procedure')).toBeNull();
    expect(screen.getByRole('region', { name: '第8章 障害レベルの目安' })).toHaveTextContent(
      '発生から10分以内',
    );
  });

  it('fills the contents with page numbers only when it has them', () => {
    const { rerender } = render(
      <Binder municipality="架空市" plan={plan} madeAt={madeAt} pages={null} variant="print" />,
    );
    const pageCells = () =>
      [...document.querySelectorAll('.binder-toc-table td.col-page')].map((td) => td.textContent);
    expect(pageCells().every((text) => text === '')).toBe(true);
    expect(pageCells()).toHaveLength(entryCount + 5); // + the 5 references to the LAN procedure
    const pages = Array.from({ length: entryCount }, (_, i) => i + 3);
    rerender(
      <Binder municipality="架空市" plan={plan} madeAt={madeAt} pages={pages} variant="print" />,
    );
    const toc = screen.getByRole('region', { name: '目次' });
    const rows = within(toc).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('章内容ページ');
    expect(rows[1]).toHaveTextContent(/^1.+3$/);
    expect(rows.at(-1)).toHaveTextContent(`8障害レベルの目安${entryCount + 2}`);
    // A reference row gives the page of the procedure it refers to.
    const lanRows = rows.filter((r) => r.textContent?.includes('庁内LAN・LGWAN停止時の全庁対応'));
    expect(new Set(lanRows.map((r) => r.lastElementChild?.textContent)).size).toBe(1);
    expect(toc).toHaveTextContent(
      '代替手順のないシステム（このバインダーには載っていません）: 窓口受付・番号案内システム',
    );
  });

  it('in the read-only copy: says how old it is, and links the contents within the page', () => {
    render(
      <Binder municipality="架空市" plan={plan} madeAt={madeAt} pages={null} variant="copy" />,
    );
    expect(screen.getByRole('note')).toHaveTextContent(
      'この写しは 令和8年11月29日（2026年） 14:30 時点の内容です。最新とは限りません。',
    );
    const toc = screen.getByRole('region', { name: '目次' });
    expect(within(toc).queryAllByRole('columnheader')).toHaveLength(2);
    for (const link of within(toc).getAllByRole('link')) {
      const target = link.getAttribute('href')!.slice(1);
      expect(document.getElementById(target), target).not.toBeNull();
    }
    expect(screen.getAllByRole('link', { name: '目次へ戻る' })).toHaveLength(8);
    expect(screen.getAllByText(/作成日時 令和8年11月29日/).length).toBe(8);
  });
});

describe('/print/binder', () => {
  let station: Station;
  let print: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    ({ station } = await freshDatabaseWithStation());
    print = vi.fn();
    vi.stubGlobal('print', print);
    const system = await saveRecord('system', { ...emptySystem(), name: '税務システム' });
    await saveRecord('procedure', procedureData({ systemIds: [system.id] }));
  });
  afterEach(() => vi.unstubAllGlobals());

  function renderBinder(path: string) {
    return render(
      <StrictMode>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/print/binder" element={<BinderPage station={station} />} />
          </Routes>
        </MemoryRouter>
      </StrictMode>,
    );
  }

  it('prints by itself once its records are loaded, exactly once', async () => {
    renderBinder('/print/binder');
    await screen.findByRole('heading', { level: 1, name: '第1章 税務システム' });
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(document.title).toBe('緊急時バインダー — 備え');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: '緊急用の閲覧コピー（HTML）を保存' })).toBeEnabled();
  });

  it('puts the page numbers of ?toc= in the contents', async () => {
    renderBinder('/print/binder?auto=0&toc=3,3,4');
    await screen.findByRole('heading', { level: 1, name: '第1章 税務システム' });
    const cells = [...document.querySelectorAll('.binder-toc-table td.col-page')];
    expect(cells.map((td) => td.textContent)).toEqual(['3', '3', '4']);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(print).not.toHaveBeenCalled();
  });

  it('refuses ?toc= it cannot read, on screen, and prints no page number', async () => {
    renderBinder('/print/binder?auto=0&toc=3,x');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '目次のページ番号の指定を読み取れませんでした。目次はページ番号なしで表示しています。',
    );
    const cells = [...document.querySelectorAll('.binder-toc-table td.col-page')];
    expect(cells.map((td) => td.textContent)).toEqual(['', '', '']);
    expect(screen.getByRole('alert').closest('.print-toolbar')).not.toBeNull();
  });
});

/** Where a print button went: the path and query the print route would get. */
function Landed() {
  const location = useLocation();
  return <p>着いた先 {`${location.pathname}${location.search}`}</p>;
}

describe('印刷 on the 代替手順 screens', () => {
  beforeEach(async () => {
    await freshDatabaseWithStation();
  });

  function renderAt(path: string) {
    return render(
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/procedures" element={<ProcedureListPage />} />
          <Route path="/procedures/:id" element={<ProcedureDetailPage />} />
          <Route path="/print/*" element={<Landed />} />
        </Routes>
      </MemoryRouter>,
    );
  }

  it('prints the binder from the list, and offers its read-only copy beside it', async () => {
    await saveRecord('procedure', procedureData());
    renderAt('/procedures');
    await userEvent.click(await screen.findByRole('button', { name: '緊急時バインダーを印刷' }));
    expect(screen.getByText('着いた先 /print/binder')).toBeInTheDocument();
  });

  it('offers no binder while there is no procedure', async () => {
    renderAt('/procedures');
    await screen.findByText('まだ代替手順がありません。');
    expect(screen.queryByRole('button', { name: '緊急時バインダーを印刷' })).toBeNull();
    expect(screen.queryByRole('button', { name: /閲覧コピー/ })).toBeNull();
  });

  it('prints one procedure as the outage kit of its system', async () => {
    const system = await saveRecord('system', { ...emptySystem(), name: '税務システム' });
    const procedure = await saveRecord('procedure', procedureData({ systemIds: [system.id] }));
    renderAt(`/procedures/${procedure.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'この手順を印刷' }));
    expect(
      screen.getByText(`着いた先 /print/outage-kit/${system.id}?procedure=${procedure.id}`),
    ).toBeInTheDocument();
  });

  it('says why a procedure without a system cannot print', async () => {
    const procedure = await saveRecord('procedure', procedureData());
    renderAt(`/procedures/${procedure.id}`);
    expect(await screen.findByRole('button', { name: 'この手順を印刷' })).toBeDisabled();
    expect(await screen.findByText(/対象システムがないため印刷できません/)).toBeInTheDocument();
  });
});
