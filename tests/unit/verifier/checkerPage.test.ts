import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { startChecker } from '../../../src/verifier/checkerPage.ts';
import { describeAppVersion } from '../../../src/app/buildInfo.ts';

// The standalone checker page wired to its template (src/verifier/bundle-checker.html), in
// jsdom: pickers, drop, the verdict region, the page's own version. The built single file is
// opened from file:// in Chromium by tests/e2e/verifierPage.test.ts.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => readFileSync(path.join(ROOT, 'tests/fixtures', name));
const template = readFileSync(path.join(ROOT, 'src/verifier/bundle-checker.html'), 'utf8');
const file = (name: string, bytes: Uint8Array | string) =>
  new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name);

beforeEach(() => {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/
    .exec(template)![1]!
    .replace(/<script>[\s\S]*<\/script>/, '');
  startChecker(document);
});

const result = () => screen.findByRole('region', { name: /^検証結果: / });

describe('the checker page', () => {
  it('states its own version', () => {
    expect(document.getElementById('checker-version')).toHaveTextContent(describeAppVersion());
  });

  it('checks a chosen file, then again with the chosen public key', async () => {
    const user = userEvent.setup();
    await user.upload(
      screen.getByLabelText('検証するファイル（.sonae.json）を選ぶ'),
      file('demo.sonae.json', fixture('bundles/demo.sonae.json')),
    );
    const first = await result();
    expect(first).toHaveAccessibleName('検証結果: demo.sonae.json');
    expect(within(first).getByRole('status')).toHaveTextContent(/^署名は未確認: /);

    await user.upload(
      screen.getByLabelText('送り主の公開鍵ファイル（.pem）を選ぶ'),
      file('demo-public.pem', fixture('keys/demo-public.pem')),
    );
    expect(document.getElementById('key-status')).toHaveTextContent(
      '選んだ公開鍵: demo-public.pem（指紋 6354-6637-0957-1645-5690）',
    );
    const second = await result();
    expect(within(second).getByRole('status')).toHaveTextContent(/^有効: /);
    expect(second).toHaveTextContent('署名した鍵と一致します。');
  });

  it('announces a bad file as an alert with its reason', async () => {
    await userEvent
      .setup()
      .upload(
        screen.getByLabelText('検証するファイル（.sonae.json）を選ぶ'),
        file('memo.sonae.json', 'これは JSON ではありません'),
      );
    const region = await result();
    expect(within(region).getByRole('alert')).toHaveTextContent(
      '無効: Sonae のファイル（JSON形式）として読めません。',
    );
  });

  it('refuses a file over the size limit without reading it', async () => {
    const huge = file('huge.sonae.json', '{}');
    Object.defineProperty(huge, 'size', { value: 300 * 1024 * 1024 });
    Object.defineProperty(huge, 'arrayBuffer', {
      value: () => Promise.reject(new Error('must not be read')),
    });
    await userEvent
      .setup()
      .upload(screen.getByLabelText('検証するファイル（.sonae.json）を選ぶ'), huge);
    expect(within(await result()).getByRole('alert')).toHaveTextContent(
      '無効: ファイルが大きすぎます（300 MB）。読み込めるのは 200 MB までです。',
    );
  });

  it('takes dropped files: a .pem as the key, anything else as the file to check', async () => {
    const dropped = [
      file('demo-public.pem', fixture('keys/demo-public.pem')),
      file('demo.sonae.json', fixture('bundles/demo.sonae.json')),
    ];
    const drop = fireEvent.drop(document.body, { dataTransfer: { files: dropped } });
    // The default (the browser opening the file in place of the page) is prevented.
    expect(drop).toBe(false);
    expect(fireEvent.dragOver(document.body)).toBe(false);
    await screen.findByText(/^選んだ公開鍵: demo-public.pem/);
    const region = await result();
    await within(region).findByText(/^有効$/);
  });

  it('refuses an unusable key file in plain Japanese and keeps the file unverified', async () => {
    const user = userEvent.setup();
    await user.upload(
      screen.getByLabelText('送り主の公開鍵ファイル（.pem）を選ぶ'),
      file('demo-private.pem', fixture('keys/demo-private.pem')),
    );
    expect(document.getElementById('key-status')).toHaveTextContent(
      'demo-private.pem: 公開鍵ファイルを指定してください（指定されたのは「PRIVATE KEY」です）。',
    );
    await user.upload(
      screen.getByLabelText('検証するファイル（.sonae.json）を選ぶ'),
      file('demo.sonae.json', fixture('bundles/demo.sonae.json')),
    );
    expect(within(await result()).getByRole('status')).toHaveTextContent(
      /^署名は未確認: 選んだ公開鍵ファイルを使えません/,
    );
  });
});
