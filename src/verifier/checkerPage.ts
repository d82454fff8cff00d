import { describeAppVersion } from '../app/buildInfo.ts';
import { MAX_BUNDLE_BYTES } from '../exchange/bundleFormat.ts';
import { describeBundleError } from '../exchange/bundleErrors.ts';
import { formatKeyFingerprint } from '../exchange/keys.ts';
import { escapeControlCharacters as shown } from '../exchange/safeText.ts';
import { publicKeyFileSizeError, readChosenPublicKey } from '../exchange/verifyFile.ts';
import { readFileBytes } from '../features/exchange/download.ts';
import { describeCheck, describeUnreadFile, type KeyChoice } from './checkerView.ts';
import { h } from './dom.ts';
import { renderCheck } from './renderCheck.ts';
import { renderUnlock } from './renderUnlock.ts';
import { sealedNeedOf, unlockSealedBundle, type UnlockInput, type Unlocked } from './checkerAge.ts';
import { isAgeFile } from '../exchange/age/age.ts';

const UNREADABLE_FILE =
  'ファイルを読み込めませんでした。ファイルがほかのソフトで開かれていないか確かめて、もう一度選んでください。';

/**
 * Wires the standalone checker page (bundle-checker.html): the two file pickers, drag and drop,
 * and the verdict. Everything happens in this page; no file is sent anywhere (the page's CSP
 * forbids every request, see scripts/build-verifier.ts).
 */
export function startChecker(doc: Document): void {
  const bundleInput = doc.getElementById('bundle-input') as HTMLInputElement;
  const keyInput = doc.getElementById('key-input') as HTMLInputElement;
  const keyStatus = doc.getElementById('key-status')!;
  const result = doc.getElementById('result')!;
  doc.getElementById('checker-version')!.textContent = describeAppVersion();
  let bundle: { fileName: string; bytes: Uint8Array; encryptedSha256: string | null } | null = null;
  let keyChoice: KeyChoice | null = null;
  // Files are read asynchronously: only the latest choice may show its verdict.
  let latest = 0;

  function show() {
    if (bundle)
      result.replaceChildren(
        renderCheck(
          describeCheck(bundle.fileName, bundle.bytes, keyChoice, bundle.encryptedSha256),
        ),
      );
  }

  async function chooseBundle(file: File) {
    const turn = ++latest;
    bundle = null;
    // From the metadata, before reading: a huge file is refused at once (as the app does).
    if (file.size > MAX_BUNDLE_BYTES) {
      const reason = describeBundleError({
        kind: 'tooLarge',
        size: file.size,
        limit: MAX_BUNDLE_BYTES,
      });
      result.replaceChildren(renderCheck(describeUnreadFile(file.name, reason)));
      return;
    }
    result.replaceChildren(h('p', { role: 'status' }, 'ファイルを確認しています…'));
    try {
      const bytes = await readFileBytes(file);
      if (turn !== latest) return;
      if (isAgeFile(bytes)) {
        const need = await sealedNeedOf(bytes);
        if (turn !== latest) return;
        result.replaceChildren(
          need.ok
            ? renderUnlock(file.name, need.need, (input) => unlock(turn, file.name, bytes, input))
            : renderCheck(describeUnreadFile(file.name, need.message)),
        );
        return;
      }
      bundle = { fileName: file.name, bytes, encryptedSha256: null };
      show();
    } catch {
      if (turn !== latest) return;
      const reason =
        'ファイルを読み込めませんでした。ファイルがほかのソフトで開かれていないか確かめて、もう一度選んでください。';
      result.replaceChildren(renderCheck(describeUnreadFile(file.name, reason)));
    }
  }

  /** Opens an encrypted file with what the person gave; the bundle inside is then checked. */
  async function unlock(
    turn: number,
    fileName: string,
    sealed: Uint8Array,
    input: UnlockInput,
  ): Promise<Unlocked> {
    const opened = await unlockSealedBundle(sealed, input);
    if (opened.ok && turn === latest) {
      bundle = { fileName, bytes: opened.bytes, encryptedSha256: opened.encryptedSha256 };
      show();
    }
    return opened;
  }

  async function chooseKey(file: File) {
    const tooLarge = publicKeyFileSizeError(file.size);
    const read = tooLarge
      ? ({ ok: false, message: tooLarge } as const)
      : await readFileBytes(file).then(
          (bytes) => readChosenPublicKey(file.name, bytes),
          () => ({ ok: false, message: UNREADABLE_FILE }) as const,
        );
    keyChoice = read.ok
      ? { fileName: file.name, ok: true, key: read.key }
      : { fileName: file.name, ok: false, message: read.message };
    keyStatus.textContent = keyChoice.ok
      ? `選んだ公開鍵: ${shown(file.name)}（指紋 ${formatKeyFingerprint(keyChoice.key.keyId)}）`
      : `${shown(file.name)}: ${keyChoice.message}`;
    show();
  }

  bundleInput.addEventListener('change', () => {
    const file = bundleInput.files?.[0];
    if (file) void chooseBundle(file);
  });
  keyInput.addEventListener('change', () => {
    const file = keyInput.files?.[0];
    if (file) void chooseKey(file);
  });
  // A file dropped anywhere on the page is checked; without this the browser would open it in
  // place of the page. A .pem is taken as the sender's public key.
  doc.addEventListener('dragover', (event) => event.preventDefault());
  doc.addEventListener('drop', (event) => {
    event.preventDefault();
    for (const file of Array.from(event.dataTransfer?.files ?? []))
      void (/\.pem$/i.test(file.name) ? chooseKey(file) : chooseBundle(file));
  });
}
