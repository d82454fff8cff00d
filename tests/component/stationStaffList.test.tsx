import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { StationFormFields } from '../../src/features/settings/StationFormFields.tsx';
import type { Station } from '../../src/domain/station.ts';

// 設定 「担当者の一覧」: the names the header's 操作者 menu offers (PRODUCT.md decision 6).

function renderForm(station: Station) {
  const { id: _, ...initial } = station;
  render(<StationFormFields initial={initial} submitLabel="保存する" />);
  return screen.getByRole('textbox', { name: /担当者の一覧/ });
}

const storedStation = async (db: Awaited<ReturnType<typeof freshDatabaseWithStation>>['db']) =>
  (await db.settings.get('station'))?.value as Station;

describe('設定: 担当者の一覧', () => {
  it('shows a station without a list as its 担当者名, and keeps following it until edited', async () => {
    const user = userEvent.setup();
    const { db, station } = await freshDatabaseWithStation();
    const list = renderForm(station);
    expect(list).toHaveValue('山田 花子');
    const name = screen.getByRole('textbox', { name: /^担当者名/ });
    await user.clear(name);
    await user.type(name, '佐藤 一郎');
    expect(list).toHaveValue('佐藤 一郎');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    await screen.findByText('端末の設定を保存しました。');
    const saved = await storedStation(db);
    expect(saved.staffName).toBe('佐藤 一郎');
    expect(saved).not.toHaveProperty('staffNames');
  });

  it('saves one name a line, trimmed, blank lines dropped', async () => {
    const user = userEvent.setup();
    const { db, station } = await freshDatabaseWithStation();
    const list = renderForm(station);
    fireEvent.change(list, { target: { value: ' 山田 花子 \n\n佐藤 一郎\n' } });
    await user.click(screen.getByRole('button', { name: '保存する' }));
    await screen.findByText('端末の設定を保存しました。');
    expect((await storedStation(db)).staffNames).toEqual(['山田 花子', '佐藤 一郎']);
  });

  it.each([
    ['a name twice', '山田 花子\n佐藤 一郎\n佐藤 一郎', '3人目: 「佐藤 一郎」が2回入っています'],
    [
      'a long name',
      `山田 花子\n${'あ'.repeat(101)}`,
      '2人目: 担当者の名前は100文字以内で入力してください',
    ],
    [
      'more than 30 people',
      Array.from({ length: 31 }, (_, i) => `職員${i + 1}`).join('\n'),
      '担当者の一覧は30人までです',
    ],
  ])('refuses %s in Japanese and changes nothing', async (_name, text, message) => {
    const user = userEvent.setup();
    const { db, station } = await freshDatabaseWithStation();
    const before = await storedStation(db);
    const audits = await db.audit.count();
    const list = renderForm(station);
    fireEvent.change(list, { target: { value: text } });
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(list).toHaveAttribute('aria-invalid', 'true');
    expect(await storedStation(db)).toEqual(before);
    expect(await db.audit.count()).toBe(audits);
  });
});
