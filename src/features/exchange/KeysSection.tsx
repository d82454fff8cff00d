import { useEffect, useState, type FormEvent } from 'react';
import { useStation } from '../../db/hooks.ts';
import { removeTrustedKey, useStationKey, useTrustedKeys } from '../../db/keyStore.ts';
import { describeStorageError } from '../../db/errors.ts';
import type { TrustedKeyRow } from '../../db/exchangeTables.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { formatKeyFingerprint } from '../../exchange/keys.ts';
import { encryptPrivateKeyPem } from '../../exchange/keyBackup.ts';
import { escapeControlCharacters as shown } from '../../exchange/safeText.ts';
import { signerRoleLabels } from '../../exchange/signerRoles.ts';
import { Banner } from '../common/Banner.tsx';
import { downloadFile } from './download.ts';
import {
  loadDeploymentConfig,
  DEPLOYMENT_CONFIG_FILE,
  type DeploymentConfig,
} from './deploymentConfig.ts';
import { TrustKeyForm } from './TrustKeyForm.tsx';
import { RestoreKeyForm } from './RestoreKeyForm.tsx';
import { AgeIdentitySection } from './AgeIdentitySection.tsx';
import { NewPassphraseFields } from '../settings/NewPassphraseFields.tsx';
import { checkNewPassphrase } from '../settings/useBackupAction.ts';
import './exchange.css';

/** 設定 → 署名鍵: this PC's key (fingerprint, public key file, backup) and the keys it trusts. */
export function KeysSection() {
  const station = useStation();
  const key = useStationKey();
  const trusted = useTrustedKeys();
  const config = useDeploymentConfig();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const department = station?.department ?? 'sonae';

  async function remove(row: TrustedKeyRow) {
    try {
      await removeTrustedKey(row.keyId);
      setMessage({ kind: 'success', text: `「${shown(row.label)}」の鍵の信頼を取り消しました。` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  const configKeys = config?.status === 'ok' ? config.keys : [];
  return (
    <section className="card keys-section" aria-labelledby="keys-heading">
      <h2 id="keys-heading">署名鍵と信頼する鍵</h2>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <h3>この端末の鍵</h3>
      {key ? (
        <>
          <p>
            指紋（読み上げ用）:{' '}
            <strong className="fingerprint" data-testid="station-fingerprint">
              {key.fingerprint}
            </strong>
          </p>
          <p className="hint">
            書き出すファイルにはこの鍵で署名します。相手にこの公開鍵ファイルを渡し、指紋を電話などで読み上げて確認してもらってください。
          </p>
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                downloadFile(
                  `sonae_${department}_公開鍵.pem`,
                  key.publicKeyPem,
                  'application/x-pem-file',
                )
              }
            >
              公開鍵を書き出す
            </button>
          </div>
          <BackupForm privateKey={key.privateKey} department={department} />
          <RestoreKeyForm />
        </>
      ) : (
        <p role="status">鍵を準備しています…</p>
      )}

      <h3>信頼する鍵</h3>
      {config?.status === 'invalid' ? (
        <Banner kind="error">
          配布設定ファイルに問題があるため、そこに書かれた鍵は信頼していません。{config.message}
          情報システム担当に連絡してください。
        </Banner>
      ) : null}
      {trusted === undefined ? null : trusted.length + configKeys.length === 0 ? (
        <p>
          まだ信頼する鍵はありません。相手の公開鍵ファイルを下の「信頼する鍵を追加」で登録してください。
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">名前</th>
                <th scope="col">役割</th>
                <th scope="col">指紋</th>
                <th scope="col">登録</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {configKeys.map((row) => (
                <tr key={`config-${row.keyId}`}>
                  <th scope="row">{shown(row.label)}</th>
                  <td>{signerRoleLabels[row.role]}</td>
                  <td className="fingerprint">{formatKeyFingerprint(row.keyId)}</td>
                  <td>配布設定（{DEPLOYMENT_CONFIG_FILE}）</td>
                  <td>—</td>
                </tr>
              ))}
              {trusted.map((row) => (
                <tr key={row.keyId}>
                  <th scope="row">{shown(row.label)}</th>
                  <td>{signerRoleLabels[row.role]}</td>
                  <td className="fingerprint">{formatKeyFingerprint(row.keyId)}</td>
                  <td>
                    {formatDateTimeShort(row.addedAt)}（{row.addedBy || '—'}）
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button danger"
                      onClick={() => void remove(row)}
                      aria-label={`${shown(row.label)}の鍵の信頼を取り消す`}
                    >
                      取り消す
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="trust-key-details">
        <summary>信頼する鍵を追加</summary>
        <TrustKeyForm />
      </details>
      {station?.role === 'it-section' ? <AgeIdentitySection /> : null}
    </section>
  );
}

function BackupForm({ privateKey, department }: { privateKey: Uint8Array; department: string }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [state, setState] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(
    null,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = checkNewPassphrase(passphrase, again);
    if (invalid) {
      setState({ kind: 'error', text: invalid });
      return;
    }
    setState({ kind: 'info', text: '暗号化しています（数秒かかります）…' });
    const pem = await encryptPrivateKeyPem(privateKey, passphrase);
    downloadFile(`sonae_${department}_秘密鍵バックアップ.pem`, pem, 'application/x-pem-file');
    setPassphrase('');
    setAgain('');
    setState({
      kind: 'success',
      text: '鍵のバックアップを書き出しました。パスフレーズとは別の場所に保管してください。',
    });
  }

  return (
    <details className="key-backup">
      <summary>鍵をバックアップ（パスフレーズで保護）</summary>
      <form className="form" onSubmit={submit} noValidate>
        {state ? <Banner kind={state.kind}>{state.text}</Banner> : null}
        <NewPassphraseFields
          label="パスフレーズ"
          hint="10文字以上。忘れると復元できません"
          error={null}
          value={passphrase}
          again={again}
          onChange={setPassphrase}
          onAgainChange={setAgain}
        />
        <div className="actions">
          <button type="submit">バックアップを書き出す</button>
        </div>
      </form>
    </details>
  );
}

/** The deployment config, loaded once; undefined while loading. */
export function useDeploymentConfig(): DeploymentConfig | undefined {
  const [config, setConfig] = useState<DeploymentConfig>();
  useEffect(() => {
    let live = true;
    void loadDeploymentConfig().then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, []);
  return config;
}
