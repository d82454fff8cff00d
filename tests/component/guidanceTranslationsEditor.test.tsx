import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { saveRecord } from '../../src/db/records.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import { guidanceNotices } from '../../src/domain/guidanceTemplates.ts';
import { ProcedureEditPage } from '../../src/features/procedures/ProcedureEditPage.tsx';
import { procedureData } from '../procedureFixtures.ts';
import { serveDeploymentConfig } from '../deploymentConfigStub.ts';

let db: SonaeDatabase;

function SavedPage() {
  return <p>保存後の画面 {useParams().id}</p>;
}

function renderEditor(id: string) {
  return render(
    <MemoryRouter initialEntries={[`/procedures/${id}/edit`]}>
      <Routes>
        <Route path="/procedures/:id" element={<SavedPage />} />
        <Route path="/procedures/:id/edit" element={<ProcedureEditPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  await serveDeploymentConfig();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the language editor of 住民への案内', () => {
  it('says a missing translation falls back to Japanese, fills a template, and saves it reviewed', async () => {
    const procedure = await saveRecord(
      'procedure',
      procedureData({
        residentGuidance: '本日は受付できません。',
        guidanceTranslations: [
          { lang: 'ko', text: '오늘은 접수할 수 없습니다.', status: 'template' },
        ],
      }),
    );
    const user = userEvent.setup();
    renderEditor(procedure.id);

    await user.click(await screen.findByRole('button', { name: '他の言語の案内を編集' }));
    const english = await screen.findByRole('region', { name: 'English（英語）' });
    expect(within(english).getByRole('note')).toHaveTextContent(
      '英語の案内はまだありません。掲示や窓口の画面では、日本語の案内をそのまま表示します。',
    );
    const korean = screen.getByRole('region', { name: '한국어（韓国語）' });
    expect(within(korean).getByText('テンプレート（未確認）')).toBeInTheDocument();
    expect(within(korean).getByLabelText('韓国語の案内文')).toHaveAttribute('lang', 'ko');

    await user.click(within(english).getByRole('button', { name: '英語のテンプレートを入れる' }));
    const text = within(english).getByLabelText('英語の案内文');
    expect(text).toHaveAttribute('lang', 'en');
    expect(text).toHaveValue(
      [guidanceNotices[0]!.texts.en, guidanceNotices[3]!.texts.en].join('\n'),
    );
    expect(within(english).getByText('テンプレート（未確認）')).toBeInTheDocument();
    await user.click(within(english).getByRole('checkbox', { name: /内容を確認した/ }));
    expect(within(english).getByText('確認済み')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存する' }));

    expect(await screen.findByText(`保存後の画面 ${procedure.id}`)).toBeInTheDocument();
    const saved = await db.procedures.get(procedure.id);
    expect(saved?.guidanceTranslations).toEqual([
      { lang: 'ko', text: '오늘은 접수할 수 없습니다.', status: 'template' },
      { lang: 'en', text: expect.stringContaining('system failure'), status: 'reviewed' },
    ]);
    expect(saved?.schemaVersion).toBe('1.1');
  });

  it('leaves a language opened but left empty out, so it still falls back to Japanese', async () => {
    const procedure = await saveRecord('procedure', procedureData({ residentGuidance: '案内' }));
    const user = userEvent.setup();
    renderEditor(procedure.id);
    await user.click(await screen.findByRole('button', { name: '他の言語の案内を編集' }));
    const vietnamese = await screen.findByRole('region', { name: 'Tiếng Việt（ベトナム語）' });
    await user.click(within(vietnamese).getByRole('button', { name: 'ベトナム語で書く' }));
    expect(within(vietnamese).getByLabelText('ベトナム語の案内文')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText(`保存後の画面 ${procedure.id}`)).toBeInTheDocument();
    expect((await db.procedures.get(procedure.id))?.guidanceTranslations).toBeUndefined();
  });

  it('offers only the languages sonae.config.json names, keeping any the procedure already has', async () => {
    await serveDeploymentConfig({ guidanceLanguages: ['en', 'zh-CN'] });
    const procedure = await saveRecord(
      'procedure',
      procedureData({
        residentGuidance: '案内',
        guidanceTranslations: [{ lang: 'ko', text: '안내', status: 'reviewed' }],
      }),
    );
    renderEditor(procedure.id);
    const fieldset = await screen.findByRole('group', { name: '住民への案内（他の言語）' });
    expect(fieldset).toHaveTextContent('1言語（確認済み1・テンプレート（未確認）0）');
    await userEvent.click(within(fieldset).getByRole('button', { name: '他の言語の案内を編集' }));
    expect(
      within(fieldset)
        .getAllByRole('region')
        .map((r) => r.getAttribute('aria-label')),
    ).toEqual(['English（英語）', '中文（简体）（中国語（簡体字））', '한국어（韓国語）']);
  });
});
