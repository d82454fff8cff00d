import { describe, expect, it, beforeEach } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { IncidentEditPage } from '../../src/features/incidents/IncidentEditPage.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { emptySystem } from '../../src/domain/system.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

let db: SonaeDatabase;

function renderNewIncident() {
  return render(
    <MemoryRouter initialEntries={['/incidents/new']}>
      <Routes>
        <Route path="/incidents/new" element={<IncidentEditPage />} />
        <Route path="/incidents/:id" element={<p>詳細画面</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.clear(await screen.findByLabelText(/件名/));
  await user.type(screen.getByLabelText(/件名/), '証明書が印刷できない');
  await user.selectOptions(screen.getByLabelText(/^システム/), '住民記録システム');
}

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
});

describe('IncidentEditPage', () => {
  it('prefills what the station knows', async () => {
    renderNewIncident();
    expect(await screen.findByLabelText(/^端末/)).toHaveValue('窓口PC-01');
    expect(screen.getByLabelText(/^報告者/)).toHaveValue('山田 花子');
    expect(screen.getByLabelText(/^部署/)).toHaveValue('市民課');
  });

  it('shows a Japanese message at each missing required field and saves nothing', async () => {
    const user = userEvent.setup();
    renderNewIncident();
    await user.click(await screen.findByRole('button', { name: '保存する' }));
    expect(await screen.findByText('件名を入力してください')).toBeInTheDocument();
    expect(screen.getByText('システムを選んでください')).toBeInTheDocument();
    expect(screen.getByLabelText(/件名/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/入力内容を確認してください（2件）/)).toBeInTheDocument();
    expect(await db.incidents.count()).toBe(0);
  });

  it('refuses a detection time before the occurrence', async () => {
    const user = userEvent.setup();
    renderNewIncident();
    await fillValid(user);
    const detected = screen.getByLabelText(/^検知日時/);
    await user.type(detected, '2001-01-01T09:00');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('検知日時が発生日時より前になっています')).toBeInTheDocument();
    expect(await db.incidents.count()).toBe(0);
  });

  it('refuses over-long text', async () => {
    const user = userEvent.setup();
    renderNewIncident();
    await fillValid(user);
    await user.click(screen.getByLabelText(/件名/));
    await user.paste('あ'.repeat(200));
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('件名は200文字以内で入力してください')).toBeInTheDocument();
    expect(await db.incidents.count()).toBe(0);
  });

  it('refuses to close without cause and countermeasure', async () => {
    const user = userEvent.setup();
    renderNewIncident();
    await fillValid(user);
    await user.selectOptions(screen.getByLabelText(/^状態/), '完了');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('「完了」にするには原因を入力してください')).toBeInTheDocument();
    expect(screen.getByText('「完了」にするには対策を入力してください')).toBeInTheDocument();
    expect(await db.incidents.count()).toBe(0);
  });

  it('saves a valid incident with its creation stamped, and drops the draft', async () => {
    const user = userEvent.setup();
    renderNewIncident();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('詳細画面')).toBeInTheDocument();
    const [saved] = await db.incidents.toArray();
    expect(saved).toMatchObject({
      title: '証明書が印刷できない',
      status: 'occurred',
      terminal: '窓口PC-01',
    });
    expect(saved!.timeline.map((t) => t.text)).toEqual(['障害記録を作成（発生）']);
    expect(await db.drafts.count()).toBe(0);
  });

  it('keeps the form and explains when storage is full', async () => {
    const user = userEvent.setup();
    db.incidents.hook('creating', () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    renderNewIncident();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(
      await screen.findByText(/保存領域が不足しているため保存できませんでした/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/件名/)).toHaveValue('証明書が印刷できない');
    expect(await db.incidents.count()).toBe(0);
    expect(await db.audit.where('action').equals('create').count()).toBe(1); // only the system's
  });

  it('autosaves a draft and restores it on the next visit', async () => {
    const user = userEvent.setup();
    const first = renderNewIncident();
    await fillValid(user);
    await waitFor(async () => expect((await db.drafts.get('incident:new'))?.value).toBeDefined(), {
      timeout: 2000,
    });
    first.unmount();
    renderNewIncident();
    expect(await screen.findByText(/保存していない入力を復元しました/)).toBeInTheDocument();
    expect(screen.getByLabelText(/件名/)).toHaveValue('証明書が印刷できない');
  });
});

describe('the system field', () => {
  it('links to registering a system when none exists yet', async () => {
    await db.systems.clear();
    renderNewIncident();
    expect(await screen.findByText(/まだシステムが登録されていません/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'システムを登録' })).toHaveAttribute(
      'href',
      '/systems/new',
    );
  });

  it('saves the chosen system’s name with the incident, for stations that do not know it', async () => {
    const user = userEvent.setup();
    renderNewIncident();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('詳細画面')).toBeInTheDocument();
    const [saved] = await db.incidents.toArray();
    expect(saved?.systemName).toBe('住民記録システム');
  });
});
