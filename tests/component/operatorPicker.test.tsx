import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OperatorPicker } from '../../src/app/OperatorPicker.tsx';
import { getOperator, setOperator } from '../../src/db/operator.ts';
import type { Station } from '../../src/domain/station.ts';

// 「操作者」 in the header (PRODUCT.md decision 6): who is at the keyboard of a shared PC.

const station: Station = {
  id: '00000000-0000-4000-8000-0000000000a1',
  municipality: '架空市',
  department: '市民課',
  terminal: '窓口PC-01',
  staffName: '山田 花子',
  staffNames: ['山田 花子', '佐藤 一郎'],
  role: 'department',
};

beforeEach(() => sessionStorage.clear());
afterEach(() => sessionStorage.clear());

const group = () => screen.getByRole('group', { name: '操作者' });

/** Renders the picker for the shared station and picks 「一覧にない人…」. */
async function startTypingOther() {
  const user = userEvent.setup();
  render(<OperatorPicker station={station} />);
  await user.selectOptions(screen.getByRole('combobox', { name: '操作者を選ぶ' }), '一覧にない人…');
  return user;
}

describe('OperatorPicker', () => {
  it('asks in place, without a dialog, when several share the PC and nobody was chosen', async () => {
    const user = userEvent.setup();
    render(<OperatorPicker station={station} />);
    expect(within(group()).getByText('操作者を選んでください')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: '操作者を選ぶ' }), '佐藤 一郎');
    expect(group()).toHaveTextContent('操作者: 佐藤 一郎');
    expect(screen.queryByText('操作者を選んでください')).not.toBeInTheDocument();
    expect(getOperator(station.id)).toBe('佐藤 一郎');
  });

  it('takes the only name on the list without asking', () => {
    render(<OperatorPicker station={{ ...station, staffNames: ['山田 花子'] }} />);
    expect(group()).toHaveTextContent('操作者: 山田 花子');
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('says 未設定 on a station without names, and asks nothing', () => {
    render(<OperatorPicker station={{ ...station, staffName: '', staffNames: [] }} />);
    expect(group()).toHaveTextContent('操作者: 未設定');
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '操作者を変更' })).toBeInTheDocument();
  });

  it('shows the choice this session already holds, and changes it from the menu', async () => {
    const user = userEvent.setup();
    setOperator(station.id, '山田 花子');
    render(<OperatorPicker station={station} />);
    expect(group()).toHaveTextContent('操作者: 山田 花子');
    await user.click(screen.getByRole('button', { name: '操作者を変更' }));
    const menu = screen.getByRole('combobox', { name: '操作者を選ぶ' });
    expect(
      within(menu)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['名前を選ぶ', '山田 花子', '佐藤 一郎', '一覧にない人…']);
    await user.selectOptions(menu, '佐藤 一郎');
    expect(group()).toHaveTextContent('操作者: 佐藤 一郎');
  });

  it('takes a name not on the list for this session only, and refuses an empty or long one', async () => {
    const user = await startTypingOther();
    const name = screen.getByRole('textbox', { name: '一覧にない人の名前' });
    await user.click(screen.getByRole('button', { name: '決定' }));
    expect(screen.getByRole('alert')).toHaveTextContent('名前を入力してください');
    await user.type(name, 'あ'.repeat(101));
    await user.click(screen.getByRole('button', { name: '決定' }));
    expect(screen.getByRole('alert')).toHaveTextContent('名前は100文字以内で入力してください');
    expect(getOperator(station.id)).toBeNull(); // bad input changes nothing
    await user.clear(name);
    await user.type(name, '田中 次郎');
    await user.click(screen.getByRole('button', { name: '決定' }));
    expect(group()).toHaveTextContent('操作者: 田中 次郎（一覧にない人）');
    expect(getOperator(station.id)).toBe('田中 次郎');
    // Not added to the list: the menu still offers only the station's own names.
    await user.click(screen.getByRole('button', { name: '操作者を変更' }));
    expect(
      within(screen.getByRole('combobox', { name: '操作者を選ぶ' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['名前を選ぶ', '山田 花子', '佐藤 一郎', '一覧にない人…']);
  });

  it('lets a person back out of typing a name', async () => {
    const user = await startTypingOther();
    await user.click(screen.getByRole('button', { name: 'やめる' }));
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText('操作者を選んでください')).toBeInTheDocument();
  });
});
