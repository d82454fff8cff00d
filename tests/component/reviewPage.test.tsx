import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { procedureData } from '../procedureFixtures.ts';
import { ReviewPage } from '../../src/features/review/ReviewPage.tsx';
import { Layout } from '../../src/app/Layout.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import { saveLastBackupAt } from '../../src/db/backupState.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { resetDeploymentConfig } from '../../src/features/exchange/deploymentConfig.ts';
import { serveDeploymentConfig } from '../deploymentConfigStub.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import type { Station } from '../../src/domain/station.ts';
import type { RecordOf } from '../../src/domain/recordSchemas.ts';

let db: SonaeDatabase;
let station: Station;
let oldProcedure: RecordOf<'procedure'>;
let sato: RecordOf<'contact'>;

function renderReview() {
  return render(
    <MemoryRouter initialEntries={['/review']}>
      <Routes>
        <Route path="/review" element={<ReviewPage />} />
        <Route path="/contacts/:id" element={<p>連絡先の画面</p>} />
        <Route path="/procedures/:id" element={<p>手順の画面</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

const rows = () =>
  within(screen.getByRole('list', { name: '点検が必要なもの' })).getAllByRole('listitem');
const rowOf = (text: string) => rows().find((row) => row.textContent?.includes(text))!;

beforeEach(async () => {
  ({ db, station } = await freshDatabaseWithStation());
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-29T10:00:00+09:00'));
  await serveDeploymentConfig();
  await saveLastBackupAt('2026-11-28T00:00:00Z');
  const juki = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
  oldProcedure = await saveRecord(
    'procedure',
    procedureData({
      title: '住民票の手書き交付',
      lastReviewedOn: '2025-06-30',
      systemIds: [juki.id],
    }),
  );
  await saveRecord(
    'procedure',
    procedureData({ title: '最近見直した手順', lastReviewedOn: '2026-10-01' }),
  );
  sato = await saveRecord('contact', { ...emptyContact(), name: '佐藤 一郎' });
  await saveRecord('contact', {
    ...emptyContact(),
    name: '確認済みの窓口',
    confirmedOn: '2026-10-01',
    confirmedBy: '鈴木',
  });
  await saveRecord('followUp', {
    targetType: 'procedure',
    targetId: oldProcedure.id,
    text: '手順の電話番号が古い',
    status: 'open',
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetDeploymentConfig();
});

describe('点検 (the review list)', () => {
  it('lists what needs attention, most urgent first, each saying what and since when', async () => {
    renderReview();
    await screen.findByRole('list', { name: '点検が必要なもの' });
    expect(rows().map((row) => row.querySelector('.review-kind')?.textContent)).toEqual([
      '要対応',
      '代替手順の見直し',
      '連絡先の確認',
      'システムの訓練',
    ]);
    expect(rows()[0]).toHaveTextContent('手順の電話番号が古い（代替手順: 住民票の手書き交付）');
    expect(rows()[0]).toHaveTextContent('2026年11月29日から未対応です。');
    expect(rows()[1]).toHaveTextContent(
      '最終見直し日は2025年6月30日です。2026年6月30日から見直しの時期です。',
    );
    expect(rows()[2]).toHaveTextContent(
      '佐藤 一郎一度も確認していません（2026年11月29日に登録）。',
    );
    expect(rows()[3]).toHaveTextContent('住民記録システムまだ訓練していません');
    expect(within(rows()[2]!).getByRole('link', { name: '佐藤 一郎' })).toHaveAttribute(
      'href',
      `/contacts/${sato.id}`,
    );
    expect(screen.queryByText('最近見直した手順')).not.toBeInTheDocument();
    expect(screen.queryByText('確認済みの窓口')).not.toBeInTheDocument();
  });

  it('「確認した」 records today and who, through the write path, and the line goes', async () => {
    const user = userEvent.setup();
    renderReview();
    await screen.findByRole('list', { name: '点検が必要なもの' });
    await user.click(within(rowOf('佐藤 一郎')).getByRole('button', { name: '確認した' }));
    expect(
      await screen.findByText('「佐藤 一郎」を確認済みにしました（2026年11月29日、山田 花子）。'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('佐藤 一郎')).not.toBeInTheDocument());
    const stored = await db.contacts.get(sato.id);
    expect(stored).toMatchObject({ confirmedOn: '2026-11-29', confirmedBy: '山田 花子' });
    expect(stored!.rev).not.toBe(sato.rev);
    expect(stored!.revisions[0]).toBe(sato.rev);
    expect(stored!.schemaVersion).toBe('2.1');
    const audit = await db.audit.where('recordId').equals(sato.id).toArray();
    expect(audit.map((a) => [a.action, a.actor, a.rev])).toContainEqual([
      'update',
      '山田 花子',
      stored!.rev,
    ]);
  });

  it('「見直しました」 is the procedure page’s own action, and names the procedure', async () => {
    const user = userEvent.setup();
    renderReview();
    await screen.findByRole('list', { name: '点検が必要なもの' });
    await user.click(
      within(rowOf('2025年6月30日')).getByRole('button', {
        name: '見直しました（今日の日付にする）',
      }),
    );
    expect(
      await screen.findByText('「住民票の手書き交付」の最終見直し日を2026年11月29日にしました。'),
    ).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect((await db.procedures.get(oldProcedure.id))!.lastReviewedOn).toBe('2026-11-29');
  });

  it('says so when nothing needs attention', async () => {
    await db.delete();
    ({ db } = await freshDatabaseWithStation());
    await saveLastBackupAt('2026-11-28T00:00:00Z');
    renderReview();
    expect(await screen.findByText('いま点検が必要なものはありません。')).toBeInTheDocument();
  });

  it('takes its periods from sonae.config.json', async () => {
    await serveDeploymentConfig({ reviewPeriods: { contactMonths: 1 }, backupReminderDays: 1 });
    renderReview();
    await screen.findByText(/連絡先の確認 1か月/);
    expect(rowOf('確認済みの窓口')).toHaveTextContent(
      '最終確認日は2026年10月1日（鈴木）です。2026年11月1日から確認の時期です。',
    );
    expect(rowOf('この端末のバックアップ')).toHaveTextContent(
      '最後のバックアップは2026年11月28日です',
    );
  });

  it('shows no record actions on a department’s station', async () => {
    const { id: _id, ...form } = station;
    await saveStation({ ...form, role: 'department' });
    renderReview();
    await screen.findByRole('list', { name: '点検が必要なもの' });
    expect(screen.queryByRole('button', { name: '確認した' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /見直しました/ })).not.toBeInTheDocument();
    expect(
      screen.getByText(/見直しと確認の記録は情報システム担当の端末で行います/),
    ).toBeInTheDocument();
  });
});

describe('the count on the navigation', () => {
  it('shows the number beside 訓練・点検 without changing the link’s name', async () => {
    render(
      <MemoryRouter initialEntries={['/outage']}>
        <Routes>
          <Route element={<Layout station={station} />}>
            <Route path="/outage" element={<p>障害発生時の画面</p>} />
          </Route>
        </Routes>
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', { name: '訓練・点検', exact: true } as never);
    await waitFor(() => expect(link).toHaveAccessibleDescription('点検が必要なもの 4 件'));
    expect(link.querySelector('.nav-count')).toHaveAttribute('aria-hidden', 'true');
    expect(link).toHaveAccessibleName('訓練・点検');
  });
});
