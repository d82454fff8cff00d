import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import iconv from 'iconv-lite';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ContactImportPage } from '../../src/features/contacts/ContactImportPage.tsx';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

let db: SonaeDatabase;
let auditBefore: number;

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/contacts/import']}>
      <Routes>
        <Route path="/contacts" element={<p>連絡先一覧</p>} />
        <Route path="/contacts/import" element={<ContactImportPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

// Files come from a real encoder (iconv-lite), not from the code under test.
const bytesOf = (buffer: Buffer) => new Uint8Array(buffer);
const sjis = (text: string) => new File([bytesOf(iconv.encode(text, 'shift_jis'))], '連絡先.csv');
const utf8 = (text: string, name = '連絡先.csv') =>
  new File([bytesOf(iconv.encode(text, 'utf8', { addBOM: true }))], name);

async function choose(file: File) {
  // A person can pick 「すべてのファイル」 in the dialog, so the accept filter is not relied on.
  const user = userEvent.setup({ applyAccept: false });
  await user.upload(await screen.findByLabelText('CSVファイルを選ぶ'), file);
  return user;
}

async function expectNothingWritten() {
  expect(await db.contacts.count()).toBe(0);
  expect(await db.audit.count()).toBe(auditBefore);
}

beforeEach(async () => {
  localStorage.clear();
  ({ db } = await freshDatabaseWithStation());
  auditBefore = await db.audit.count();
});

describe('ContactImportPage: files it refuses, each with its message and no change', () => {
  it.each([
    [
      'an Excel workbook',
      new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], '連絡先.xlsx'),
      'Excel のブック（.xlsx）です',
    ],
    ['an empty file', new File([], '空.csv'), 'ファイルが空です'],
    [
      'broken quotes',
      utf8('氏名,電話番号\r\n"ヘルプデスク,0120-000-111\r\n'),
      '第2行で「"」（ダブルクォート）が閉じられていません',
    ],
    [
      'a duplicated column',
      utf8('氏名,電話番号,氏名\r\nA,1,B\r\n'),
      '見出し「氏名」が2回以上あります',
    ],
    ['only a header', utf8('氏名,電話番号\r\n'), '見出しの行だけで、読み込むデータがありません'],
    [
      '10,000 rows',
      utf8(
        `氏名,電話番号\r\n${Array.from({ length: 10_000 }, (_, i) => `窓口${i},03-0000-${i}`).join('\r\n')}\r\n`,
      ),
      '一度に読み込めるのは 5,000 行までです',
    ],
    ['a tab-separated file', utf8('氏名\t電話番号\r\nA\t1\r\n'), 'タブ区切りのファイルです'],
    [
      'a UTF-16 「Unicode テキスト」 file',
      new File(
        [bytesOf(iconv.encode('氏名,電話番号\r\nA,1\r\n', 'utf16le', { addBOM: true }))],
        'u.csv',
      ),
      '「Unicode テキスト」（UTF-16）で保存されたファイルです',
    ],
    [
      'a value under no header',
      utf8('氏名,電話番号\r\nA,1,余り\r\n'),
      '第2行のC列に、見出しのない値があります',
    ],
    [
      'a file over 5 MB',
      new File([new Uint8Array(5 * 1024 * 1024 + 1)], '大きい.csv'),
      'ファイルが大きすぎます',
    ],
    [
      'an undecodable encoding',
      new File([new Uint8Array([0x82, 0xa0, 0xff, 0xfe, 0x2c, 0x0a, 0x41])], 'x.csv'),
      '文字コードが読み取れません',
    ],
  ])('%s', async (_, file, message) => {
    renderPage();
    await choose(file);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('連絡先は変更していません');
    expect(screen.queryByRole('button', { name: '確認へ進む' })).toBeNull();
    await expectNothingWritten();
  });

  it('a file that cannot be read (locked or gone)', async () => {
    const file = new File(['氏名'], 'locked.csv');
    Object.defineProperty(file, 'arrayBuffer', {
      value: () => Promise.reject(new Error('locked')),
    });
    renderPage();
    await choose(file);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'ファイルを読み込めませんでした。Excel などで開いたままになっていないか確かめて',
    );
    await expectNothingWritten();
  });

  it('a file without a name column, until one is chosen', async () => {
    renderPage();
    const user = await choose(utf8('住所,メモ\r\n東京都,窓口\r\n'));
    await user.click(await screen.findByRole('button', { name: '確認へ進む' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '「氏名・窓口名」の列が見つかりません。どの列が「氏名・窓口名」にあたるかを選んでください',
    );
    await user.selectOptions(screen.getByLabelText('氏名・窓口名'), 'メモ');
    await user.click(screen.getByRole('button', { name: '確認へ進む' }));
    expect(await screen.findByText(/新規 1件/)).toBeInTheDocument();
    await expectNothingWritten();
  });
});

describe('ContactImportPage: files it reads', () => {
  it('imports a Shift_JIS file after mapping and preview, in one audited write', async () => {
    await saveRecord('contact', {
      ...emptyContact(),
      name: 'ヘルプデスク',
      organization: '架空システムズ',
      notes: '残る',
    });
    auditBefore = await db.audit.count();
    renderPage();
    const user = await choose(
      sjis(
        '名前,会社名,TEL,種別,営業時間,備考\r\n' +
          'ヘルプデスク,架空システムズ,代表:0120-000-111,ベンダー窓口,平日 9:00～17:00,\r\n' +
          '運用センター,架空交付,24時間:0120-000-333,ベンダー窓口,24時間,\r\n' +
          '謎の窓口,,,社外,,\r\n' +
          '夜間窓口,,090-1111-2222,その他,月～金 9時～,\r\n',
      ),
    );
    expect(
      await screen.findByText(/Shift_JIS として読み込みました（データ 4行）/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('氏名・窓口名')).toHaveDisplayValue('名前');
    expect(screen.getByLabelText('受付時間')).toHaveDisplayValue('営業時間');
    // 備考 is left out on purpose: the stored note must survive the update.
    await user.selectOptions(screen.getByLabelText('備考'), '（取り込まない）');
    await user.click(screen.getByRole('button', { name: '確認へ進む' }));
    expect(
      await screen.findByText('新規 1件・更新 1件・変更なし 0件・取り込めない行 2件'),
    ).toBeInTheDocument();
    const refused = screen.getByRole('region', { name: /取り込めない行 2行/ });
    expect(within(refused).getByText(/第4行: 種別「社外」は使えません/)).toBeInTheDocument();
    expect(
      within(refused).getByText(/第5行: 受付時間「月～金 9時～」を読み取れません/),
    ).toBeInTheDocument();
    await expectNothingWrittenSince();
    await user.click(screen.getByRole('button', { name: '取り込む' }));
    expect(await screen.findByText(/を取り込みました: 新規 1件・更新 1件/)).toBeInTheDocument();
    const stored = await db.contacts.toArray();
    expect(stored.map((c) => c.name).sort()).toEqual(['ヘルプデスク', '運用センター']);
    expect(stored.find((c) => c.name === 'ヘルプデスク')).toMatchObject({
      notes: '残る',
      phones: [{ label: '代表', number: '0120-000-111' }],
    });
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)?.summary).toContain('取り込めない行2件');
  });

  it('reads UTF-8 with a BOM and remembers the mapping for the next file with that header', async () => {
    renderPage();
    const text = '窓口,区分,メモ\r\n保守窓口,その他,メモ1\r\n';
    let user = await choose(utf8(text));
    expect(await screen.findByText(/UTF-8 として読み込みました/)).toBeInTheDocument();
    expect(screen.getByText(/見出しの名前から対応を推測しました/)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('備考'), '（取り込まない）');
    await user.selectOptions(screen.getByLabelText('役割'), 'メモ');
    await user.click(screen.getByRole('button', { name: '確認へ進む' }));
    await screen.findByText(/新規 1件/);
    await user.click(screen.getByRole('button', { name: '別のファイルを選ぶ' }));
    user = await choose(utf8(text));
    expect(
      await screen.findByText(/前回この見出しのファイルで選んだ対応を表示しています/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('役割')).toHaveDisplayValue('メモ');
    expect(screen.getByLabelText('備考')).toHaveDisplayValue('（取り込まない）');
  });

  it('changes nothing when the person stops at the preview', async () => {
    renderPage();
    const user = await choose(utf8('氏名\r\nA\r\n'));
    await user.click(await screen.findByRole('button', { name: '確認へ進む' }));
    await screen.findByText(/新規 1件/);
    await user.click(screen.getByRole('button', { name: 'やめる' }));
    expect(await screen.findByText('連絡先一覧')).toBeInTheDocument();
    await expectNothingWritten();
  });

  it('offers nothing to import when every row is already stored as it is', async () => {
    await saveRecord('contact', { ...emptyContact(), name: 'A', kind: 'other' });
    auditBefore = await db.audit.count();
    renderPage();
    const user = await choose(utf8('氏名,種別\r\nA,その他\r\n'));
    await user.click(await screen.findByRole('button', { name: '確認へ進む' }));
    expect(
      await screen.findByText('新規 0件・更新 0件・変更なし 1件・取り込めない行 0件'),
    ).toBeInTheDocument();
    expect(screen.getByText(/取り込む変更はありません/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '取り込む' })).toBeNull();
  });

  it('is closed to a department station', async () => {
    await saveStation({
      municipality: '架空市',
      department: '市民課',
      terminal: 'PC',
      staffName: '',
      role: 'department',
    });
    renderPage();
    expect(await screen.findByText(/この端末（所管課）では閲覧のみです/)).toBeInTheDocument();
    expect(screen.queryByLabelText('CSVファイルを選ぶ')).toBeNull();
  });
});

async function expectNothingWrittenSince() {
  expect(await db.audit.count()).toBe(auditBefore);
}
