import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation, loadStation } from '../../src/db/station.ts';
import { emptyIncident } from '../../src/domain/incident.ts';
import { NamePurgeSection } from '../../src/features/settings/NamePurgeSection.tsx';
import { freshDatabaseWithStation } from '../testDatabase.ts';

// 設定 → 氏名の削除 (PRODUCT.md decision 5), on the IT section's station only: search, see what
// holds the name, confirm, and the records are changed; bad input is refused in Japanese.

beforeEach(async () => {
  await freshDatabaseWithStation();
  await saveRecord(
    'incident',
    emptyIncident({
      title: '証明書発行機が停止',
      systemId: '00000000-0000-4000-8000-00000000a001',
      occurredAt: '2026-11-21T01:00:00.000Z',
      reporterName: '鈴木 次郎',
    }),
  );
});

describe('NamePurgeSection', () => {
  it('finds the records holding a name, asks, then replaces it', async () => {
    const user = userEvent.setup();
    render(<NamePurgeSection />);
    await user.type(await screen.findByLabelText('削除する氏名'), '鈴木次郎');
    await user.click(screen.getByRole('button', { name: 'この氏名を含む記録を探す' }));
    expect(await screen.findByText('「鈴木次郎」を含むもの: 記録 1件')).toBeInTheDocument();
    expect(screen.getByText('障害記録「証明書発行機が停止」（1か所）')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '氏名を削除する' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: '氏名を削除する' }),
    );
    expect(
      await screen.findByText(/氏名を「（削除）」に置き換えました（記録 1件）/),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('削除する氏名'), '鈴木次郎');
    await user.click(screen.getByRole('button', { name: 'この氏名を含む記録を探す' }));
    expect(await screen.findByText('「鈴木次郎」を含む記録はありません。')).toBeInTheDocument();
  });

  it('refuses a one-character name in Japanese', async () => {
    const user = userEvent.setup();
    render(<NamePurgeSection />);
    await user.type(await screen.findByLabelText('削除する氏名'), '鈴');
    await user.click(screen.getByRole('button', { name: 'この氏名を含む記録を探す' }));
    expect(await screen.findByText(/2文字以上で入力してください/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '氏名を削除する' })).toBeNull();
  });

  it('is not offered on a department’s station', async () => {
    const { id: _id, ...form } = (await loadStation())!;
    await saveStation({ ...form, role: 'department' });
    const { container } = render(<NamePurgeSection />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });
});
