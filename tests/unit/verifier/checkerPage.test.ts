import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { startChecker } from '../../../src/verifier/checkerPage.ts';
import { describeAppVersion } from '../../../src/app/buildInfo.ts';
import { encryptAge } from '../../../src/exchange/age/age.ts';
import {
  generateAgeIdentity,
  parseAgeRecipient,
  scryptRecipient,
  x25519Recipient,
} from '../../../src/exchange/age/ageRecipients.ts';
import { formatAgeIdentityFile } from '../../../src/exchange/age/ageFiles.ts';
import { joinBytes } from '../../../src/exchange/age/ageStream.ts';

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
      screen.getByLabelText('検証するファイル（.sonae.json または .sonae.json.age）を選ぶ'),
      file('demo.sonae.json', fixture('bundles/demo.sonae.json')),
    );
    const first = await result();
    expect(first).toHaveAccessibleName('検証結果: demo.sonae.json');
    expect(within(first).getByRole('status')).toHaveTextContent(/^署名は未確認: /);

    await user.upload(
      screen.getByLabelText('送り主の公開鍵ファイル（.pem）を選ぶ'),
      file('demo-public.pem', fixture('keys/demo-public.pem')),
    );
    // The key file is read asynchronously after the upload.
    await waitFor(() =>
      expect(document.getElementById('key-status')).toHaveTextContent(
        '選んだ公開鍵: demo-public.pem（指紋 6354-6637-0957-1645-5690）',
      ),
    );
    const second = await result();
    expect(within(second).getByRole('status')).toHaveTextContent(/^有効: /);
    expect(second).toHaveTextContent('署名した鍵と一致します。');
  });

  it('announces a bad file as an alert with its reason', async () => {
    await userEvent
      .setup()
      .upload(
        screen.getByLabelText('検証するファイル（.sonae.json または .sonae.json.age）を選ぶ'),
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
      .upload(
        screen.getByLabelText('検証するファイル（.sonae.json または .sonae.json.age）を選ぶ'),
        huge,
      );
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
    // The key file is read asynchronously after the upload.
    await waitFor(() =>
      expect(document.getElementById('key-status')).toHaveTextContent(
        'demo-private.pem: 公開鍵ファイルを指定してください（指定されたのは「PRIVATE KEY」です）。',
      ),
    );
    await user.upload(
      screen.getByLabelText('検証するファイル（.sonae.json または .sonae.json.age）を選ぶ'),
      file('demo.sonae.json', fixture('bundles/demo.sonae.json')),
    );
    expect(within(await result()).getByRole('status')).toHaveTextContent(
      /^署名は未確認: 選んだ公開鍵ファイルを使えません/,
    );
  });

  describe('an encrypted file (.sonae.json.age)', () => {
    const bundle = new Uint8Array(fixture('bundles/demo.sonae.json'));
    const sealed = async (recipient: Parameters<typeof encryptAge>[1][number]) =>
      joinBytes(await encryptAge(bundle, [recipient]));
    const chooseBundle = (bytes: Uint8Array) =>
      userEvent
        .setup()
        .upload(
          screen.getByLabelText('検証するファイル（.sonae.json または .sonae.json.age）を選ぶ'),
          file('demo.sonae.json.age', bytes),
        );
    const unlockForm = () =>
      screen.findByRole('region', { name: '暗号化されたファイルを開く: demo.sonae.json.age' });

    it('opens one sealed with a passphrase, then checks the bundle inside', async () => {
      // Work factor 10: the page reads any factor up to 20; a low one keeps the test quick.
      await chooseBundle(await sealed(scryptRecipient('正しいパスフレーズ', 10)));
      const form = await unlockForm();
      const user = userEvent.setup();
      await user.type(within(form).getByLabelText('ファイルのパスフレーズ'), '違うパスフレーズ');
      await user.click(within(form).getByRole('button', { name: '開いて検証する' }));
      expect(await within(form).findByRole('alert')).toHaveTextContent('パスフレーズが違います');
      await user.clear(within(form).getByLabelText('ファイルのパスフレーズ'));
      await user.type(within(form).getByLabelText('ファイルのパスフレーズ'), '正しいパスフレーズ');
      await user.click(within(form).getByRole('button', { name: '開いて検証する' }));
      const region = await result();
      expect(region).toHaveAccessibleName('検証結果: demo.sonae.json.age');
      expect(within(region).getByRole('status')).toHaveTextContent(/^署名は未確認: /);
      expect(region).toHaveTextContent('ファイルの SHA-256（暗号化されたまま）');
      expect(region).toHaveTextContent('中身の SHA-256（開いたデータ交換ファイル）');
    });

    it("opens one sealed to the IT section's key with its key file, or its key backup and passphrase", async () => {
      const { identity, recipient } = generateAgeIdentity();
      const encrypted = await sealed(x25519Recipient(parseAgeRecipient(recipient)!));
      const keyText = formatAgeIdentityFile(identity, recipient, '2026-11-30T00:00:00Z');
      const keyInput = (form: HTMLElement) =>
        within(form).getByLabelText(/^暗号化を開く鍵ファイルを選ぶ/);
      const user = userEvent.setup();

      await chooseBundle(encrypted);
      let form = await unlockForm();
      await user.upload(keyInput(form), file('memo.txt', 'これは鍵ではありません'));
      await user.click(within(form).getByRole('button', { name: '開いて検証する' }));
      expect(await within(form).findByRole('alert')).toHaveTextContent(
        'age の秘密鍵（AGE-SECRET-KEY-1…）のファイルではありません。',
      );

      // The app's key backup: the key file encrypted with a passphrase.
      const backup = joinBytes(
        await encryptAge(new TextEncoder().encode(keyText), [
          scryptRecipient('鍵のパスフレーズ', 10),
        ]),
      );
      await user.upload(keyInput(form), file('sonae-age-identity.key.age', backup));
      await user.click(within(form).getByRole('button', { name: '開いて検証する' }));
      expect(await within(form).findByRole('alert')).toHaveTextContent(
        'この鍵ファイルはパスフレーズで暗号化されています。',
      );
      await user.type(within(form).getByLabelText(/^鍵ファイルのパスフレーズ/), '鍵のパスフレーズ');
      await user.click(within(form).getByRole('button', { name: '開いて検証する' }));
      expect(within(await result()).getByRole('status')).toHaveTextContent(/^署名は未確認: /);

      // The plain key file (保管鍵) opens it as well.
      await chooseBundle(encrypted);
      form = await unlockForm();
      await user.upload(keyInput(form), file('hokan.key', keyText));
      await user.click(within(form).getByRole('button', { name: '開いて検証する' }));
      expect(await result()).toHaveTextContent('中身の SHA-256（開いたデータ交換ファイル）');
    });

    it('says so when the key file is not one the file was sealed to', async () => {
      const sealedTo = generateAgeIdentity();
      const other = generateAgeIdentity();
      await chooseBundle(await sealed(x25519Recipient(parseAgeRecipient(sealedTo.recipient)!)));
      const form = await unlockForm();
      const user = userEvent.setup();
      await user.upload(
        within(form).getByLabelText(/^暗号化を開く鍵ファイルを選ぶ/),
        file('other.key', formatAgeIdentityFile(other.identity, other.recipient, '2026-11-30')),
      );
      await user.click(within(form).getByRole('button', { name: '開いて検証する' }));
      expect(await within(form).findByRole('alert')).not.toBeEmptyDOMElement();
      expect(screen.queryByRole('region', { name: /^検証結果: / })).toBeNull();
    });
  });
});
