import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AttachmentView } from '../../src/features/incidents/AttachmentView.tsx';
import { IncidentEditPage } from '../../src/features/incidents/IncidentEditPage.tsx';
import type { AttachmentRef } from '../../src/domain/incident.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { saveRecord } from '../../src/db/records.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { readBlobBytes } from '../../src/db/blobBytes.ts';

// Issue 14, item 4: thumbnails open large in the page, a scaled photo shows its original size,
// object URLs are revoked, and a pasted screenshot is stored with the incident.

const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

let db: SonaeDatabase;
let revoked: string[];

beforeEach(async () => {
  vi.stubGlobal('Blob', NodeBlob);
  ({ db } = await freshDatabaseWithStation());
  revoked = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${n++}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const scaledRef: AttachmentRef = {
  id: '0000aaaa-0000-4000-8000-000000000001',
  name: '窓口の写真.png',
  mediaType: 'image/png',
  size: PNG.length,
  sha256: '0'.repeat(64),
  originalSize: 6 * 1024 * 1024,
};

describe('AttachmentView in the incident detail', () => {
  it('shows the size before scaling and opens the picture large in the page', async () => {
    await db.attachments.put({ id: scaledRef.id, blob: new Blob([PNG], { type: 'image/png' }) });
    const { unmount } = render(<AttachmentView attachment={scaledRef} />);
    const open = await screen.findByRole('button', { name: '窓口の写真.pngを拡大表示' });
    expect(screen.getByText('窓口の写真.png（70B・縮小前 6.0MB）')).toBeInTheDocument();
    await userEvent.setup().click(open);
    const dialog = screen.getByRole('dialog', { name: '窓口の写真.png（拡大表示）' });
    const large = within(dialog).getByRole('img', { name: '窓口の写真.png' });
    expect(large).toHaveAttribute('src', within(open).getByRole('img').getAttribute('src'));
    expect(within(dialog).getByText('窓口の写真.png（70B・縮小前 6.0MB）')).toBeInTheDocument();
    // The object URL goes with the view: a long session does not hold every photo it showed.
    unmount();
    expect(revoked).toEqual([large.getAttribute('src')]);
  });
});

describe('a screenshot pasted into the new-incident form', () => {
  it('is saved with the incident, bytes and all', async () => {
    await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    render(
      <MemoryRouter initialEntries={['/incidents/new']}>
        <Routes>
          <Route path="/incidents/new" element={<IncidentEditPage />} />
          <Route path="/incidents/:id" element={<p>詳細画面</p>} />
        </Routes>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/件名/), '画面が固まる');
    await user.selectOptions(screen.getByLabelText(/^システム/), '住民記録システム');
    const screenshot = new NodeFile([PNG], 'image.png', { type: 'image/png' }) as unknown as File;
    const event = createEvent.paste(document.body, {
      clipboardData: { files: [screenshot], items: [], types: ['Files'] },
    });
    fireEvent(document.body, event);
    expect(await screen.findByRole('img', { name: /^貼り付け_.*\.png$/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('詳細画面')).toBeInTheDocument();
    const [incident] = await db.incidents.toArray();
    const [ref] = incident!.attachments;
    expect(ref!.name).toMatch(/^貼り付け_\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.png$/);
    const stored = await db.attachments.get(ref!.id);
    await waitFor(async () => expect(await readBlobBytes(stored!.blob)).toEqual(PNG));
  });
});
