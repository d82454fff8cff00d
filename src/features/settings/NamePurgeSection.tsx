import { useState, type FormEvent } from 'react';
import { findNameUses, NamePurgeError, purgeName, type NameUses } from '../../db/namePurge.ts';
import { describeStorageError } from '../../db/errors.ts';
import { recordTypeLabels } from '../../domain/recordTypes.ts';
import { PURGED_NAME } from '../../domain/namePurge.ts';
import { Banner } from '../common/Banner.tsx';
import { ConfirmBox } from '../common/ConfirmBox.tsx';
import { Field } from '../common/Field.tsx';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';

/** Titles listed before the purge; the rest are counted. */
const LISTED = 20;

function describeUses(uses: NameUses): string {
  const extra = [
    uses.snapshots ? `取り込み前の状態 ${uses.snapshots}件` : '',
    uses.drafts ? `下書き ${uses.drafts}件` : '',
  ].filter(Boolean);
  return `記録 ${uses.records.length}件${extra.length ? `、${extra.join('、')}` : ''}`;
}

/**
 * 設定 → 氏名の削除 (IT section only, PRODUCT.md decision 5): a departed employee's name is
 * replaced in every record of this station as a new revision of each, which the next export
 * carries to the other stations. Search first, then confirm.
 */
export function NamePurgeSection() {
  const canEdit = useCanEditMasterData();
  const [name, setName] = useState('');
  const [found, setFound] = useState<{ name: string; uses: NameUses } | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (!canEdit) return null;

  const failed = (error: unknown) =>
    setMessage({
      kind: 'error',
      text: error instanceof NamePurgeError ? error.message : describeStorageError(error),
    });

  async function search(event: FormEvent) {
    event.preventDefault();
    setFound(null);
    setAsking(false);
    setMessage(null);
    setBusy(true);
    try {
      setFound({ name, uses: await findNameUses(name) });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  }

  async function purge() {
    if (!found) return;
    setAsking(false);
    setBusy(true);
    try {
      const done = await purgeName(found.name);
      setFound(null);
      setName('');
      setMessage({
        kind: 'success',
        text: `氏名を「${PURGED_NAME}」に置き換えました（${describeUses(done)}）。ほかの端末には、次の書き出しで届きます。`,
      });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  }

  const nothing =
    found && found.uses.records.length + found.uses.snapshots + found.uses.drafts === 0;
  return (
    <section aria-labelledby="name-purge-heading" className="card">
      <h2 id="name-purge-heading">氏名の削除</h2>
      <p>
        退職した職員など、ある人の氏名をこの端末のすべての記録から消します。氏名は「{PURGED_NAME}
        」に置き換わり、記録の新しい版として、次の書き出しでほかの端末にも届きます。その氏名を含む
        「取り込み前の状態」と下書きは削除します。操作履歴（誰が何をしたか）は書き換えません。
      </p>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <form className="form" onSubmit={search} noValidate>
        <Field
          label="削除する氏名"
          hint="「山田 花子」「山田花子」「山田　花子」のどれでも見つけます。"
        >
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            この氏名を含む記録を探す
          </button>
        </div>
      </form>
      {found ? (
        nothing ? (
          <p role="status">「{found.name}」を含む記録はありません。</p>
        ) : (
          <div role="status">
            <p>
              「{found.name}」を含むもの: {describeUses(found.uses)}
            </p>
            <ul>
              {found.uses.records.slice(0, LISTED).map((use) => (
                <li key={`${use.type}/${use.id}`}>
                  {recordTypeLabels[use.type]}「{use.title}」（{use.hits}か所）
                </li>
              ))}
              {found.uses.records.length > LISTED ? (
                <li>ほか {found.uses.records.length - LISTED}件</li>
              ) : null}
            </ul>
            {found.uses.conflicted ? (
              <Banner kind="info">
                競合している記録の別の版 {found.uses.conflicted}
                件にも含まれています。これらは変更しません。先に「障害記録」などで競合を解決してから、もう一度行ってください。
              </Banner>
            ) : null}
            {asking ? (
              <ConfirmBox
                confirmLabel="氏名を削除する"
                onConfirm={() => void purge()}
                onCancel={() => setAsking(false)}
              >
                「{found.name}」を{describeUses(found.uses)}から削除します。元に戻せません。
              </ConfirmBox>
            ) : (
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => setAsking(true)}
              >
                氏名を削除する
              </button>
            )}
          </div>
        )
      ) : null}
    </section>
  );
}
