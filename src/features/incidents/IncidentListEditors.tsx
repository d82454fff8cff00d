import { useId, useState } from 'react';
import type { IncidentData } from '../../domain/incident.ts';
import { contactMethods, contactMethodLabels } from '../../domain/incident.ts';
import { createId } from '../../domain/ids.ts';
import {
  formatDateTimeShort,
  fromLocalInputValue,
  nowIso,
  toLocalInputValue,
} from '../../domain/dateTime.ts';
import { useLiveRecords } from '../../db/hooks.ts';
import { loadCurrentOperator } from '../../db/station.ts';
import { Field } from '../common/Field.tsx';
import type { FieldErrors } from '../common/fieldErrors.ts';

interface EditorProps<K extends keyof IncidentData> {
  errors: FieldErrors;
  onChange: (next: IncidentData[K]) => void;
}

function replaceAt<T>(list: readonly T[], index: number, change: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...change } : item));
}

/** 試したこと → 結果: what was tried and what happened, one pair per row. */
export function AttemptsEditor({
  attempts,
  onChange,
  errors,
}: EditorProps<'attempts'> & { attempts: IncidentData['attempts'] }) {
  return (
    <fieldset>
      <legend>試したことと結果</legend>
      <p className="hint">
        再起動・別の端末で試したなど。直らなかったことも原因究明の手がかりになります。
      </p>
      {attempts.map((attempt, index) => (
        <div className="repeat-row" key={attempt.id}>
          <Field label={`試したこと ${index + 1}`} error={errors[`attempts.${index}.action`]}>
            <input
              value={attempt.action}
              onChange={(e) => onChange(replaceAt(attempts, index, { action: e.target.value }))}
            />
          </Field>
          <Field label={`結果 ${index + 1}`} error={errors[`attempts.${index}.result`]}>
            <input
              value={attempt.result}
              onChange={(e) => onChange(replaceAt(attempts, index, { result: e.target.value }))}
            />
          </Field>
          <button
            type="button"
            className="link-button danger"
            onClick={() => onChange(attempts.filter((_, i) => i !== index))}
          >
            {`試したこと ${index + 1} を削除`}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...attempts, { id: createId(), action: '', result: '' }])}
      >
        試したことを追加
      </button>
    </fieldset>
  );
}

/** 連絡した記録: who was called, when, how and what was said. */
export function ContactsMadeEditor({
  contactsMade,
  onChange,
  errors,
}: EditorProps<'contactsMade'> & { contactsMade: IncidentData['contactsMade'] }) {
  const contacts = useLiveRecords('contact');
  const listId = useId();
  // Who makes a call typed here: the operator at the keyboard, as a call logged in one click
  // (PRODUCT.md, decision 6); editable, since calls are often written up afterwards.
  async function addCall() {
    const caller = await loadCurrentOperator();
    onChange([
      ...contactsMade,
      {
        id: createId(),
        at: nowIso(),
        who: '',
        contactId: null,
        method: 'phone',
        summary: '',
        ...(caller ? { by: caller } : {}),
      },
    ]);
  }
  return (
    <fieldset>
      <legend>連絡した記録</legend>
      <datalist id={listId}>
        {(contacts ?? []).map((c) => (
          <option key={c.id} value={c.organization ? `${c.organization} ${c.name}` : c.name} />
        ))}
      </datalist>
      {contactsMade.map((made, index) => (
        <div className="repeat-row" key={made.id}>
          <Field label={`連絡した相手 ${index + 1}`} error={errors[`contactsMade.${index}.who`]}>
            <input
              list={listId}
              value={made.who}
              onChange={(e) => {
                const match = (contacts ?? []).find(
                  (c) =>
                    e.target.value === (c.organization ? `${c.organization} ${c.name}` : c.name),
                );
                onChange(
                  replaceAt(contactsMade, index, {
                    who: e.target.value,
                    contactId: match?.id ?? null,
                  }),
                );
              }}
            />
          </Field>
          <Field label={`日時 ${index + 1}`} error={errors[`contactsMade.${index}.at`]}>
            <input
              type="datetime-local"
              value={toLocalInputValue(made.at)}
              onChange={(e) =>
                onChange(
                  replaceAt(contactsMade, index, { at: fromLocalInputValue(e.target.value) }),
                )
              }
            />
          </Field>
          <Field label={`方法 ${index + 1}`}>
            <select
              value={made.method}
              onChange={(e) =>
                onChange(
                  replaceAt(contactsMade, index, {
                    method: e.target.value as (typeof contactMethods)[number],
                  }),
                )
              }
            >
              {contactMethods.map((m) => (
                <option key={m} value={m}>
                  {contactMethodLabels[m]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={`連絡した人 ${index + 1}`} error={errors[`contactsMade.${index}.by`]}>
            <input
              value={made.by ?? ''}
              onChange={(e) => onChange(replaceAt(contactsMade, index, { by: e.target.value }))}
            />
          </Field>
          <Field
            label={`伝えた内容・回答 ${index + 1}`}
            error={errors[`contactsMade.${index}.summary`]}
            className="wide"
          >
            <input
              value={made.summary}
              onChange={(e) =>
                onChange(replaceAt(contactsMade, index, { summary: e.target.value }))
              }
            />
          </Field>
          <button
            type="button"
            className="link-button danger"
            onClick={() => onChange(contactsMade.filter((_, i) => i !== index))}
          >
            {`連絡 ${index + 1} を削除`}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => void addCall()}>
        連絡した記録を追加
      </button>
    </fieldset>
  );
}

/** 経過: status changes are stamped automatically; notes are added by hand. */
export function TimelineEditor({
  timeline,
  onChange,
  errors,
}: EditorProps<'timeline'> & { timeline: IncidentData['timeline'] }) {
  const [note, setNote] = useState('');
  const sorted = [...timeline].sort((a, b) => (a.at < b.at ? -1 : 1));
  function addNote() {
    if (!note.trim()) return;
    onChange([...timeline, { id: createId(), at: nowIso(), status: null, text: note.trim() }]);
    setNote('');
  }
  return (
    <fieldset>
      <legend>経過</legend>
      {sorted.length === 0 ? (
        <p className="hint">状態を変えて保存すると、ここに時刻つきで記録されます。</p>
      ) : null}
      <ol className="timeline">
        {sorted.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.at}>{formatDateTimeShort(entry.at)}</time> {entry.text}
            {entry.status === null ? (
              <button
                type="button"
                className="link-button danger"
                onClick={() => onChange(timeline.filter((t) => t.id !== entry.id))}
                aria-label={`経過「${entry.text}」を削除`}
              >
                削除
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {errors.timeline ? <p className="error">{errors.timeline}</p> : null}
      <div className="inline-add">
        <Field label="経過メモ" hint="例: ベンダーから「30分後に折り返す」と連絡あり">
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addNote();
              }
            }}
          />
        </Field>
        <button type="button" onClick={addNote}>
          経過に追加
        </button>
      </div>
    </fieldset>
  );
}
