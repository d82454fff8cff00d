import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import {
  contactFieldLabels as labels,
  contactKindLabels,
  contactKinds,
} from '../../domain/contact.ts';
import { contactDisplayName } from '../../domain/contactRules.ts';
import { Field } from '../common/Field.tsx';
import { EditorForm } from '../common/EditorForm.tsx';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { useRecordEditor } from '../common/useRecordEditor.ts';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { BusinessHoursEditor } from './BusinessHoursEditor.tsx';
import { PhonesEditor } from './PhonesEditor.tsx';
import { SystemChecklist } from './SystemChecklist.tsx';
import {
  toContactFormValues,
  validateContactForm,
  type ContactFormValues,
} from './contactFormValues.ts';
import './contacts.css';

/** 連絡先の登録・編集: every field of a contact, checked against the other contacts on save. */
export function ContactEditPage() {
  const { id } = useParams();
  const contacts = useLiveRecords('contact');
  const systems = useLiveRecords('system');
  const canEdit = useCanEditMasterData();
  const toData = useCallback(
    (values: ContactFormValues) =>
      validateContactForm(values, {
        id: id ?? null,
        contacts: contacts ?? [],
        systems: systems ?? [],
      }),
    [id, contacts, systems],
  );
  const editor = useRecordEditor({
    type: 'contact',
    id,
    toValues: toContactFormValues,
    toData,
    afterSave: (saved) => ({ to: `/contacts/${saved.id}`, state: { saved: true } }),
    cancelTo: id ? `/contacts/${id}` : '/contacts',
  });
  usePageTitle(editor.isNew ? '連絡先の登録' : '連絡先の編集');

  if (canEdit === false)
    return (
      <section>
        <h1>{editor.isNew ? '連絡先の登録' : '連絡先の編集'}</h1>
        <ReadOnlyNotice what="連絡先" />
      </section>
    );
  if (editor.state === 'missing') return <RecordNotFound what="この連絡先" backTo="/contacts" />;
  if (editor.state === 'loading' || !contacts || !systems || canEdit === undefined)
    return <p role="status">読み込み中…</p>;
  const { values, errors } = editor;
  const patch = (change: Partial<ContactFormValues>) =>
    editor.setValues((v) => ({ ...v, ...change }));
  const set = (key: keyof ContactFormValues) => (event: { target: { value: string } }) =>
    patch({ [key]: event.target.value });
  const deputyChoices = contacts
    .filter((c) => c.id !== id)
    .sort((a, b) => contactDisplayName(a).localeCompare(contactDisplayName(b), 'ja'));
  const deputyIsMissing =
    values.deputyContactId !== '' &&
    values.deputyContactId !== id &&
    !deputyChoices.some((c) => c.id === values.deputyContactId);

  return (
    <section className="contact-edit">
      <h1>{editor.isNew ? '連絡先の登録' : `連絡先の編集: ${editor.record?.name ?? ''}`}</h1>
      <EditorForm editor={editor}>
        <fieldset>
          <legend>どこの誰か</legend>
          <Field
            label={labels.name}
            required
            error={errors.name}
            hint="例: ヘルプデスク、山田 花子"
          >
            <input value={values.name} onChange={set('name')} />
          </Field>
          <Field
            label={labels.organization}
            error={errors.organization}
            hint="会社名や自治体名。一覧はこの名前ごとにまとまります。例: 架空システムズ株式会社"
          >
            <input value={values.organization} onChange={set('organization')} />
          </Field>
          <div className="field-row">
            <Field
              label={labels.department}
              error={errors.department}
              hint="例: カスタマーサポートセンター"
            >
              <input value={values.department} onChange={set('department')} />
            </Field>
            <Field label={labels.role} error={errors.role} hint="例: 一次受付、システム担当係長">
              <input value={values.role} onChange={set('role')} />
            </Field>
            <Field label={labels.kind} error={errors.kind}>
              <select value={values.kind} onChange={set('kind')}>
                {contactKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {contactKindLabels[kind]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <PhonesEditor
          phones={values.phones}
          onChange={(phones) => patch({ phones })}
          errors={errors}
        />
        <fieldset>
          <legend>そのほかの連絡方法</legend>
          <div className="field-row">
            <Field label={labels.extension} error={errors.extension} hint="例: 2345">
              <input value={values.extension} onChange={set('extension')} className="narrow" />
            </Field>
            <Field label={labels.email} error={errors.email} hint="例: support@example.jp">
              <input type="email" value={values.email} onChange={set('email')} />
            </Field>
          </div>
        </fieldset>
        <BusinessHoursEditor values={values} onChange={patch} errors={errors} />
        <fieldset>
          <legend>時間外</legend>
          <Field
            label={labels.afterHoursPhone}
            error={errors.afterHoursPhone}
            hint="受付時間外にかける番号（夜間・休日の緊急窓口など）。時間外はこの番号が「いまかける番号」になります"
          >
            <input type="tel" value={values.afterHoursPhone} onChange={set('afterHoursPhone')} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>担当と連絡順</legend>
          <SystemChecklist
            systems={systems}
            selected={values.systemIds}
            onChange={(systemIds) => patch({ systemIds })}
            error={errors.systemIds}
          />
          <div className="field-row">
            <Field
              label={labels.escalationOrder}
              error={errors.escalationText}
              hint="1 が最初に連絡する相手。同じシステムで同じ番号は使えません（職務代行の相手とは同じにできます）"
            >
              <input
                value={values.escalationText}
                onChange={set('escalationText')}
                inputMode="numeric"
                className="narrow"
              />
            </Field>
            <Field
              label={labels.deputyContactId}
              error={errors.deputyContactId}
              hint="この人に連絡がつかないときに代わりに連絡する人"
            >
              <select value={values.deputyContactId} onChange={set('deputyContactId')}>
                <option value="">なし</option>
                {id && values.deputyContactId === id ? (
                  <option value={id}>（この連絡先自身）</option>
                ) : null}
                {deputyIsMissing ? (
                  <option value={values.deputyContactId}>（削除された連絡先）</option>
                ) : null}
                {deputyChoices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {contactDisplayName(c)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field
            label={labels.contractNumber}
            error={errors.contractNumber}
            hint="電話で伝える番号。例: KS-2024-00123"
          >
            <input value={values.contractNumber} onChange={set('contractNumber')} />
          </Field>
        </fieldset>
        <Field label={labels.notes} error={errors.notes} hint="電話で伝えること、注意点など">
          <textarea value={values.notes} onChange={set('notes')} rows={3} />
        </Field>
      </EditorForm>
    </section>
  );
}
