import type { BackupPreview } from '../../db/backupRead.ts';
import { formatDateTimeJa } from '../../domain/dateTime.ts';
import { stationLabel, stationRoleLabels } from '../../domain/station.ts';
import { escapeControlCharacters as shown } from '../../exchange/safeText.ts';
import { formatBytes } from '../common/formatBytes.ts';
import { backupTableLabel } from './backupTableLabels.ts';

/** What a checked backup holds beside what this station holds now, and whose key signed it. */
export function BackupPreviewPanel({ preview }: { preview: BackupPreview }) {
  const { manifest } = preview;
  return (
    <div className="backup-preview">
      <dl>
        <dt>ファイル</dt>
        <dd>
          {shown(preview.fileName)}（{formatBytes(preview.size)}、
          {formatDateTimeJa(manifest.createdAt)} 作成）
        </dd>
        <dt>端末</dt>
        <dd>
          {shown(stationLabel(manifest.station))}（{stationRoleLabels[manifest.station.role]}
          {manifest.station.staffName ? `、${shown(manifest.station.staffName)}` : ''}）
        </dd>
        <dt>署名した鍵の指紋</dt>
        <dd>
          <strong className="fingerprint" data-testid="backup-fingerprint">
            {preview.fingerprint}
          </strong>
          <br />
          {preview.isSignerKnown
            ? 'この端末の鍵、またはこの端末が信頼している鍵です。'
            : '初期化した PC はどの鍵も信頼していません。元の端末の「設定 → 署名鍵」に表示されていた指紋（控え）と同じか確かめてから復元してください。'}
        </dd>
        <dt>空き容量</dt>
        <dd>
          {preview.space.free === null
            ? `このブラウザー（http:// の接続など）では空き容量を確認できません。復元には約 ${formatBytes(preview.space.needed)} 必要です。`
            : `約 ${formatBytes(preview.space.free)}（復元に必要なのは約 ${formatBytes(preview.space.needed)}）`}
        </dd>
        <dt>署名鍵</dt>
        <dd>{manifest.privateKey ? '含まれています（パスフレーズで保護）' : '含まれていません'}</dd>
      </dl>
      <div className="table-scroll">
        <table className="table">
          <caption>件数（ファイルの中 / この端末に今あるもの）</caption>
          <thead>
            <tr>
              <th scope="col">内容</th>
              <th scope="col">ファイル</th>
              <th scope="col">この端末</th>
            </tr>
          </thead>
          <tbody>
            {preview.counts
              .filter((row) => row.inFile + row.here > 0)
              .map((row) => (
                <tr key={row.table}>
                  <th scope="row">{backupTableLabel(row.table)}</th>
                  <td>{row.inFile.toLocaleString('ja-JP')}</td>
                  <td>{row.here.toLocaleString('ja-JP')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <p className="hint" role="note">
        {preview.isEmptyHere
          ? 'この端末にはまだ記録がありません。復元すると、この端末はバックアップした端末と同じものになります（端末の設定、操作履歴、信頼する鍵も元どおり）。'
          : 'この端末にはすでに記録があります。上書きはせず、データ交換の取り込みと同じ方法で統合します。どちらの記録も失われず、両方で編集された記録は「競合」として両方を残します。この端末の設定・鍵・操作履歴はそのままです。'}
      </p>
    </div>
  );
}
