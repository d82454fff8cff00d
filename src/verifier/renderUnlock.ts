import { readFileBytes } from '../features/exchange/download.ts';
import { escapeControlCharacters as shown } from '../exchange/safeText.ts';
import type { SealedNeed, UnlockInput, Unlocked } from './checkerAge.ts';
import { h } from './dom.ts';

const KEY_FILE_LIMIT = 1024 * 1024;

/**
 * The form that opens an encrypted bundle in the checker page: the file's passphrase, or a key
 * file (and its passphrase when the key file is encrypted too). `onUnlock` checks the bundle
 * inside and replaces this form with the verdict; a refusal is said here, in one sentence.
 */
export function renderUnlock(
  fileName: string,
  need: SealedNeed,
  onUnlock: (input: UnlockInput) => Promise<Unlocked>,
): HTMLElement {
  const error = h('p', { class: 'banner banner-error', role: 'alert', hidden: '' });
  // The hint stays outside the label, so the field's name is the label alone.
  const field = (label: string, input: HTMLInputElement, hint?: string) =>
    h(
      'div',
      {},
      h('label', { class: 'picker' }, label, input),
      hint ? h('p', { class: 'hint' }, hint) : null,
    );
  const password = () => h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const passphrase = password();
  const keyFile = h('input', { type: 'file', accept: '.key,.age,.txt,text/plain' });
  const keyPassphrase = password();
  const submit = h('button', { type: 'submit', class: 'primary' }, '開いて検証する');
  const fields =
    need === 'passphrase'
      ? [
          field(
            'ファイルのパスフレーズ',
            passphrase,
            '書き出した人から電話などで伝えられたものです。',
          ),
        ]
      : [
          field(
            '暗号化を開く鍵ファイルを選ぶ（AGE-SECRET-KEY-1… で始まる保管鍵など）',
            keyFile,
            '備えの「鍵のバックアップ」（.key.age）も選べます。その場合は下に鍵のパスフレーズを入力します。',
          ),
          field('鍵ファイルのパスフレーズ（鍵ファイルが暗号化されている場合だけ）', keyPassphrase),
        ];
  const form = h(
    'form',
    {},
    h(
      'p',
      {},
      'このファイルは age で暗号化されています。開いてから、中のデータ交換ファイルの署名と内容を確かめます。開いた中身はこのページの中だけで扱い、どこにも保存しません。',
    ),
    ...fields,
    error,
    h('p', {}, submit),
  );
  function refuse(message: string) {
    error.textContent = message;
    error.hidden = false;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      submit.disabled = true;
      submit.textContent = '開いています…';
      try {
        const input: UnlockInput =
          need === 'passphrase'
            ? { passphrase: passphrase.value }
            : await readKeyInput(keyFile, keyPassphrase.value);
        const opened = await onUnlock(input);
        if (!opened.ok) refuse(opened.message);
        if (!opened.ok && opened.askKeyPassphrase) keyPassphrase.focus();
      } catch (failure) {
        refuse(
          failure instanceof KeyFileProblem
            ? failure.message
            : '鍵ファイルを読み込めませんでした。',
        );
      } finally {
        submit.disabled = false;
        submit.textContent = '開いて検証する';
      }
    })();
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'unlock-heading' },
    h('h2', { id: 'unlock-heading' }, `暗号化されたファイルを開く: ${shown(fileName)}`),
    form,
  );
}

class KeyFileProblem extends Error {}

async function readKeyInput(input: HTMLInputElement, passphrase: string): Promise<UnlockInput> {
  const file = input.files?.[0];
  if (!file) throw new KeyFileProblem('鍵ファイルを選んでください。');
  if (file.size > KEY_FILE_LIMIT)
    throw new KeyFileProblem('鍵ファイルが大きすぎます。age の秘密鍵のファイルを選んでください。');
  return { keyFile: await readFileBytes(file), keyPassphrase: passphrase };
}
