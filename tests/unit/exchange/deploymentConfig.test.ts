import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  defaultDeploymentSettings,
  deploymentSettingsOf,
  parseDeploymentConfig,
} from '../../../src/features/exchange/deploymentConfig.ts';
import { computeKeyId, decodePublicKeyPem } from '../../../src/exchange/keys.ts';

const pem = readFileSync('tests/fixtures/keys/demo-public.pem', 'utf8');
const config = (trustedKeys: unknown[]) =>
  JSON.stringify({ format: 'sonae-config', version: 1, trustedKeys });

describe('parseDeploymentConfig (sonae.config.json)', () => {
  it('reads pre-trusted keys with their role', () => {
    const result = parseDeploymentConfig(
      config([{ label: '情報政策課', role: 'it-section', publicKeyPem: pem }]),
    );
    const decoded = decodePublicKeyPem(pem);
    expect(result).toEqual({
      status: 'ok',
      keys: [
        expect.objectContaining({
          label: '情報政策課',
          role: 'it-section',
          source: 'config',
          keyId: decoded.ok ? computeKeyId(decoded.publicKey) : '',
        }),
      ],
      settings: defaultDeploymentSettings,
      warnings: [],
    });
  });

  const recipient = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

  it('reads the settings, filling in the defaults for what is left out', () => {
    const result = parseDeploymentConfig(
      JSON.stringify({
        format: 'sonae-config',
        version: 1,
        trustedKeys: [],
        encryptionRecipients: [{ label: '情報政策課', recipient }],
        backupReminderDays: 14,
        reviewPeriods: { contactMonths: 3 },
        guidanceLanguages: ['en', 'zh-CN'],
        snapshotRetentionDays: 30,
      }),
    );
    expect(deploymentSettingsOf(result)).toEqual({
      encryptionRecipients: [{ label: '情報政策課', recipient }],
      backupReminderDays: 14,
      reviewPeriods: { ...defaultDeploymentSettings.reviewPeriods, contactMonths: 3 },
      guidanceLanguages: ['en', 'zh-CN'],
      snapshotRetentionDays: 30,
    });
  });

  it('warns about a key it does not know but keeps the rest (a newer Sonae may know it)', () => {
    const result = parseDeploymentConfig(
      JSON.stringify({ format: 'sonae-config', version: 1, trustedKeys: [], futureKey: 1 }),
    );
    expect(result.status).toBe('ok');
    expect(result.status === 'ok' && result.warnings).toEqual([
      'sonae.config.json の項目「futureKey」はこの版では使いません（無視しました）。',
    ]);
  });

  it('uses the defaults when there is no config', () => {
    expect(deploymentSettingsOf({ status: 'absent' })).toBe(defaultDeploymentSettings);
  });

  it.each([
    ['not JSON', '{', 'JSONとして読めません'],
    [
      'another format',
      JSON.stringify({ format: 'x', version: 1, trustedKeys: [] }),
      '形式が正しくありません',
    ],
    [
      'an unknown role',
      config([{ label: 'a', role: 'admin', publicKeyPem: pem }]),
      'trustedKeys.0.role',
    ],
    [
      'an unknown field',
      config([{ label: 'a', role: 'department', publicKeyPem: pem, x: 1 }]),
      '形式が正しくありません',
    ],
    [
      'a recipient that is not age’s',
      JSON.stringify({
        format: 'sonae-config',
        version: 1,
        trustedKeys: [],
        encryptionRecipients: [{ label: 'x', recipient: 'ssh-ed25519 AAAA' }],
      }),
      'age の受信者（age1…）ではありません',
    ],
    [
      'a reminder of zero days',
      JSON.stringify({
        format: 'sonae-config',
        version: 1,
        trustedKeys: [],
        backupReminderDays: 0,
      }),
      'backupReminderDays',
    ],
    [
      'a snapshot retention of half a day',
      JSON.stringify({
        format: 'sonae-config',
        version: 1,
        trustedKeys: [],
        snapshotRetentionDays: 0.5,
      }),
      'snapshotRetentionDays',
    ],
    [
      'a broken key',
      config([{ label: '壊れた鍵', role: 'department', publicKeyPem: 'nope' }]),
      '「壊れた鍵」が使えません',
    ],
  ])('trusts nothing from a file with %s and says why in Japanese', (_name, text, message) => {
    const result = parseDeploymentConfig(text);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.message).toContain(message);
  });

  it('trusts nothing at all when one of several keys is bad', () => {
    const result = parseDeploymentConfig(
      config([
        { label: 'good', role: 'it-section', publicKeyPem: pem },
        { label: 'bad', role: 'it-section', publicKeyPem: pem.replace('PUBLIC', 'PRIVATE') },
      ]),
    );
    expect(result.status).toBe('invalid');
  });
});
