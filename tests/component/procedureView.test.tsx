import { beforeEach, describe, expect, it, vi } from 'vitest';
import { serveDeploymentConfig } from '../deploymentConfigStub.ts';
import { resetDeploymentConfig } from '../../src/features/exchange/deploymentConfig.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ProcedureView } from '../../src/features/procedures/ProcedureView.tsx';
import { ResidentGuidance } from '../../src/features/procedures/ResidentGuidance.tsx';
import { saveRecord } from '../../src/db/records.ts';
import type { ProcedureData } from '../../src/domain/procedure.ts';
import type { RecordOf } from '../../src/domain/recordSchemas.ts';

const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

// Stored out of order on purpose: another station's editor may interleave phases.
const data: ProcedureData = {
  title: '住民記録システム停止時の窓口対応',
  systemIds: [],
  trigger: '15分以上使えず、復旧見込みが示されないとき。',
  levels: [3, 2],
  steps: [
    { id: id(1), phase: 'recovery', role: '窓口担当', text: '紙の受付簿を入力する' },
    { id: id(2), phase: 'initial', role: '窓口担当', text: '障害記録に残し係長に報告する' },
    { id: id(3), phase: 'fallback', role: '窓口担当', text: '紙の受付簿で受け付ける' },
    { id: id(4), phase: 'initial', role: '係長', text: '情報政策課に連絡する' },
  ],
  residentGuidance: 'ただいま証明書を発行できません。\n受付は紙で行います。',
  paperForms: ['様式A 紙の受付簿', '後日交付申請書'],
  afterRecovery: '当日中に入力する',
  owner: '市民課長',
  lastReviewedOn: '2020-04-15',
  version: '第3版',
  agreements: [
    {
      id: id(5),
      date: '2026-04-10',
      parties: '架空システムズ株式会社',
      content: '一次報告は30分以内に電話で行う。',
    },
    { id: id(6), date: '2026-04-15', parties: '情報政策課', content: '職員が市民課へ出向く。' },
  ],
};

let procedure: RecordOf<'procedure'>;

beforeEach(async () => {
  await freshDatabaseWithStation();
  await saveRecord('incidentLevel', {
    level: 2,
    name: '中程度',
    criteria: '一部の窓口が止まる',
    actions: '',
    notify: '',
    notifyWithinMinutes: null,
  });
  procedure = await saveRecord('procedure', data);
});

describe('ProcedureView', () => {
  it('shows the trigger and levels, then 初動 → 代替 → 復旧 with each step’s role', async () => {
    render(<ProcedureView procedure={procedure} />);
    expect(await screen.findByText('レベル2（中程度）、レベル3')).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      '開始の判断',
      '初動',
      '代替',
      '復旧',
      '紙の様式',
      '後処理（紙の記録の入力など）',
      '合意事項',
    ]);
    const initial = screen.getByRole('region', { name: '初動' });
    expect(
      within(initial)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['窓口担当障害記録に残し係長に報告する', '係長情報政策課に連絡する']);
    expect(
      within(screen.getByRole('region', { name: '復旧' })).getByText('窓口担当'),
    ).toBeInTheDocument();
    expect(screen.getByText('様式A 紙の受付簿')).toBeInTheDocument();
  });

  it('ticks steps on screen only, counts them per phase and clears them', async () => {
    const user = userEvent.setup();
    render(<ProcedureView procedure={procedure} />);
    const initial = await screen.findByRole('region', { name: '初動' });
    expect(within(initial).getByText('済み 0 / 2')).toBeInTheDocument();
    await user.click(within(initial).getByRole('checkbox', { name: /情報政策課に連絡する/ }));
    expect(within(initial).getByText('済み 1 / 2')).toBeInTheDocument();
    expect(within(initial).getByRole('checkbox', { name: /情報政策課に連絡する/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'チェックをすべて外す' }));
    expect(within(initial).getByText('済み 0 / 2')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'チェックをすべて外す' })).not.toBeInTheDocument();
  });

  it('starts with no ticks when another procedure is shown', async () => {
    const user = userEvent.setup();
    const other = await saveRecord('procedure', { ...data, title: '別の手順' });
    const view = render(<ProcedureView procedure={procedure} />);
    await user.click(await screen.findByRole('checkbox', { name: /情報政策課に連絡する/ }));
    view.rerender(<ProcedureView procedure={other} />);
    expect(screen.getByRole('checkbox', { name: /情報政策課に連絡する/ })).not.toBeChecked();
  });

  it('marks the phase to start from and uses the heading level it is given', async () => {
    render(<ProcedureView procedure={procedure} startPhase="fallback" headingLevel={3} />);
    const fallback = await screen.findByRole('region', { name: '代替' });
    expect(within(fallback).getByText('ここから')).toBeInTheDocument();
    expect(screen.queryAllByRole('heading', { level: 2 })).toHaveLength(0);
    expect(screen.getByRole('heading', { level: 3, name: '初動' })).toBeInTheDocument();
  });

  it('shows the agreements newest first with Japanese dates, and the review flag', async () => {
    render(<ProcedureView procedure={procedure} />);
    const agreements = await screen.findByRole('region', { name: '合意事項' });
    expect(
      within(agreements)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '情報政策課と合意（2026年4月15日）職員が市民課へ出向く。',
      '架空システムズ株式会社と合意（2026年4月10日）一次報告は30分以内に電話で行う。',
    ]);
    expect(screen.getByText('要見直し（1年以上見直していません）')).toBeInTheDocument();
    expect(screen.getByText('第3版')).toBeInTheDocument();
  });

  it('flags the review after the configured period (reviewPeriods.procedureMonths)', async () => {
    await serveDeploymentConfig({ reviewPeriods: { procedureMonths: 6 } });
    try {
      // About seven months ago: current for a year, overdue for six months.
      const seven = new Date(Date.now() - 215 * 86_400_000).toISOString().slice(0, 10);
      const recent = await saveRecord('procedure', { ...data, lastReviewedOn: seven });
      render(<ProcedureView procedure={recent} />);
      expect(await screen.findByText('要見直し（6か月以上見直していません）')).toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
      resetDeploymentConfig();
    }
  });

  it('warns when there is no 初動 step and says when a phase is empty', async () => {
    const noInitial = await saveRecord('procedure', {
      ...data,
      steps: data.steps.filter((s) => s.phase !== 'initial'),
      agreements: [],
      lastReviewedOn: null,
    });
    render(<ProcedureView procedure={noInitial} />);
    expect(await screen.findByText(/初動の手順がありません/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: '初動' })).getByText(
        'この段階の手順はまだ書かれていません。',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('合意事項はまだ記録されていません。')).toBeInTheDocument();
    expect(screen.getByText('見直し日未記入')).toBeInTheDocument();
  });
});

describe('ResidentGuidance', () => {
  it('keeps the line breaks of the text', () => {
    const { container } = render(<ResidentGuidance text={data.residentGuidance} />);
    const block = container.querySelector('.resident-guidance')!;
    expect(block.textContent).toBe('ただいま証明書を発行できません。\n受付は紙で行います。');
  });

  it('says so when there is no guidance', () => {
    render(<ResidentGuidance text="  " />);
    expect(screen.getByText('住民への案内はまだ書かれていません。')).toBeInTheDocument();
  });
});
