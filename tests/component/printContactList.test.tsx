import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { expectNothingPrinted, renderPrintRoute, stubWindowPrint } from './printRouteHarness.tsx';
import { buildDemoData, DEMO_AUTHOR_ID } from '../../src/demo/demoMunicipality.ts';
import { ContactList } from '../../src/print/ContactList.tsx';
import { WalletCard, CARDS_PER_SHEET } from '../../src/print/WalletCard.tsx';
import { ContactListPrintPage } from '../../src/print/ContactListPrintPage.tsx';
import { WalletCardPage } from '../../src/print/WalletCardPage.tsx';
import { contactListGroups } from '../../src/print/contactListContent.ts';
import { walletCardContent } from '../../src/print/walletCardContent.ts';
import { saveRecord } from '../../src/db/records.ts';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { pickData } from '../../src/domain/recordMeta.ts';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import type { Station } from '../../src/domain/station.ts';

const demo = buildDemoData(DEMO_AUTHOR_ID, new Date('2026-11-29T00:00:00Z'));
const printedAt = new Date('2026-11-29T05:30:00Z'); // 14:30 in Tokyo

describe('ContactList (様式9, pure layout)', () => {
  it('prints one table per 区分 with the columns of 様式9', () => {
    render(
      <ContactList
        municipality="架空市"
        groups={contactListGroups(demo.contact, demo.system)}
        facts={[{ label: '件数', value: '10件' }]}
        printedAt={printedAt}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('緊急連絡先一覧');
    expect(document.querySelector('.doc-header')).toHaveTextContent(
      '件数10件印刷日時令和8年11月29日（2026年） 14:30',
    );
    const sections = screen.getAllByRole('region');
    expect(sections.map((s) => s.querySelector('h2')?.textContent)).toEqual([
      '区分: 情報システム担当（2件）',
      '区分: 庁内（3件）',
      '区分: ベンダー窓口（5件）',
    ]);
    const columns = within(sections[2]!)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(columns).toEqual([
      '所属・名称',
      '担当者',
      '電話（時間内）',
      '電話（時間外）',
      '受付時間',
      '契約番号',
      '備考',
    ]);
    const helpdesk = within(sections[2]!).getByRole('row', { name: /ヘルプデスク/ });
    expect(helpdesk).toHaveTextContent(
      '架空システムズ株式会社 カスタマーサポートセンターヘルプデスク（一次受付）代表 0120-000-111090-0000-1111',
    );
    expect(helpdesk).toHaveTextContent('KS-2024-00123');
    expect(helpdesk).toHaveTextContent('メールアドレス: support@kakuu-systems.example.jp');
    const sato = within(sections[0]!).getByRole('row', { name: /佐藤/ });
    expect(sato).toHaveTextContent('職務代行: 鈴木 美咲（架空市） 直通 0000-11-2346');
  });
});

describe('WalletCard (pure layout)', () => {
  it('prints identical cards, the IT section first, then the vendor desks', () => {
    render(
      <WalletCard
        municipality="架空市"
        content={walletCardContent(demo.contact, demo.system)}
        facts={[]}
        printedAt={printedAt}
      />,
    );
    const cards = screen.getAllByRole('listitem', { name: '携帯用緊急連絡先カード' });
    expect(cards).toHaveLength(CARDS_PER_SHEET);
    const card = cards[0]!;
    expect(card).toHaveTextContent(/^緊急連絡先架空市情報システム担当（まずここへ）佐藤 一郎/);
    expect(card).toHaveTextContent('佐藤 一郎（架空市）システム担当係長直通 0000-11-2345');
    expect(card.textContent!.indexOf('情報システム担当')).toBeLessThan(
      card.textContent!.indexOf('ベンダー窓口'),
    );
    expect(card).toHaveTextContent('代表 0120-000-111時間外 090-0000-1111契約 KS-2024-00123');
    expect(card).toHaveTextContent(/作成日 令和8年11月29日（2026年）$/);
    expect(card).not.toHaveTextContent('ほか');
  });

  it('says how many did not fit and where to find them', () => {
    const content = walletCardContent(demo.contact, demo.system, { itSection: 1, vendors: 2 });
    render(<WalletCard municipality="架空市" content={content} facts={[]} printedAt={printedAt} />);
    expect(
      screen.getAllByRole('listitem', { name: '携帯用緊急連絡先カード' })[0],
    ).toHaveTextContent('ほか4件は「緊急連絡先一覧」を見てください。');
  });
});

describe('the contact list and wallet card routes', () => {
  let station: Station;
  let print: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    ({ station } = await freshDatabaseWithStation());
    print = stubWindowPrint();
  });
  afterEach(() => vi.unstubAllGlobals());

  function renderRoute(path: string) {
    return renderPrintRoute(path, {
      '/print/contacts': <ContactListPrintPage station={station} />,
      '/print/wallet-card': <WalletCardPage station={station} />,
    });
  }

  it('lists only the contacts of the system in ?system=, and prints once', async () => {
    const system = await saveRecord('system', pickData(demo.system[0]!));
    const base = emptyContact();
    await saveRecord('contact', { ...base, name: '対象の窓口', systemIds: [system.id] });
    await saveRecord('contact', { ...base, name: 'ほかの窓口', systemIds: [] });
    renderRoute(`/print/contacts?system=${system.id}`);
    await screen.findByRole('heading', { level: 1, name: /住民記録システム\s*緊急連絡先一覧/ });
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(screen.getByText('対象の窓口')).toBeInTheDocument();
    expect(screen.queryByText('ほかの窓口')).toBeNull();
    expect(document.querySelector('.doc-header')).toHaveTextContent('件数1件');
  });

  it('refuses a ?system= that does not exist, and prints nothing', async () => {
    renderRoute('/print/contacts?system=00000000-0000-4000-8000-000000000000');
    await expectNothingPrinted(print, /このシステムは見つかりません/);
  });

  it('prints the wallet card by itself, saying when nothing is registered', async () => {
    renderRoute('/print/wallet-card');
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(screen.getAllByText('情報システム担当の連絡先が登録されていません。')).toHaveLength(
      CARDS_PER_SHEET,
    );
    expect(document.title).toBe('携帯用緊急連絡先カード — 備え');
  });
});
