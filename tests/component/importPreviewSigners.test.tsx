import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { ImportSection } from '../../src/features/exchange/ImportSection.tsx';
import { resetDeploymentConfig } from '../../src/features/exchange/deploymentConfig.ts';
import { saveRecord } from '../../src/db/records.ts';
import { pickData } from '../../src/domain/recordMeta.ts';
import { itForm, type TestStation } from '../unit/db/exchangeHelpers.ts';
import {
  createMesh,
  departmentNo,
  exportFrom,
  importInto,
  newIncident,
} from '../unit/db/syncHelpers.ts';

// Issue #12, item 10, on screen: the preview names who signed the version being replaced and
// the new one, and marks a department key replacing the IT section's version.

let it_: TestStation;
let dept: TestStation;

afterEach(() => vi.unstubAllGlobals());

beforeEach(async () => {
  [it_, dept] = (await createMesh([itForm, departmentNo(1)])) as [TestStation, TestStation];
  resetDeploymentConfig();
  // No server in jsdom: the config fetch fails and counts as absent.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});

describe('取り込みの確認 (who signed what)', () => {
  it('shows the replaced and the new version with their signers, and the department mark', async () => {
    const x = await newIncident(it_, 'ネットワーク断');
    it_.use();
    await saveRecord('incident', { ...pickData(x), cause: 'L2スイッチの故障' }, { id: x.id });
    await importInto(dept, await exportFrom(it_));
    dept.use();
    const current = (await dept.db.incidents.get(x.id))!;
    await saveRecord('incident', { ...pickData(current), cause: '原因は不明' }, { id: x.id });
    const file = await exportFrom(dept, 'delta');

    it_.use();
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <ImportSection />
      </MemoryRouter>,
    );
    await user.upload(
      screen.getByLabelText('取り込むファイルを選ぶ'),
      new File([file.text], file.fileName, { type: 'application/json' }),
    );
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: '置き換える版（署名・作成）' }));
    expect(within(table).getByRole('columnheader', { name: '新しい版（署名）' }));
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('注意: 部署の鍵で、情報システム担当の版を置き換えます');
    expect(row).toHaveTextContent(/2-[0-9a-f]{8}・この端末（架空市 情報政策課 管理PC）/);
    expect(row).toHaveTextContent(/3-[0-9a-f]{8}・「第1課 窓口PC-01」（部署の鍵）/);
    expect(screen.getByText(/ほかの署名者の版を置き換える記録が1件あります/)).toBeInTheDocument();
  });
});
