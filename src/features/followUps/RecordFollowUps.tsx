import { useState } from 'react';
import { Link } from 'react-router';
import { closeFollowUp, useOpenFollowUps } from '../../db/followUps.ts';
import { describeStorageError } from '../../db/errors.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { followUpFieldLabels, type FollowUpTargetType } from '../../domain/followUp.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { Banner } from '../common/Banner.tsx';
import { Field } from '../common/Field.tsx';
import './followUps.css';

type Message = { kind: 'error' | 'success'; text: string };

/**
 * The open follow-ups (要対応) of one procedure, contact, level or system, each with
 * 「対応済みにする」 (a note of what was done). Nothing is shown when there are none. A closed one
 * leaves the record's page; the follow-up itself keeps who closed it, when and how (the drill
 * report shows it). Follow-ups are not master data: a department's station may close them too.
 */
export function RecordFollowUps({
  targetType,
  targetId,
  headingLevel = 2,
}: {
  targetType: FollowUpTargetType;
  targetId: string;
  /** 3 inside a card that has its own h2 (the level list). */
  headingLevel?: 2 | 3;
}) {
  const followUps = useOpenFollowUps(targetType, targetId);
  const [message, setMessage] = useState<Message | null>(null);
  if (!followUps || (followUps.length === 0 && !message)) return null;
  const headingId = `follow-ups-${targetId}`;
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="record-follow-ups card" aria-labelledby={headingId}>
      <Heading id={headingId}>要対応{followUps.length ? `（${followUps.length}件）` : ''}</Heading>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      {followUps.length ? (
        <ul className="plain-list">
          {followUps.map((f) => (
            <FollowUpItem key={f.id} followUp={f} onResult={setMessage} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function FollowUpItem({
  followUp,
  onResult,
}: {
  followUp: RecordOf<'followUp'>;
  onResult: (message: Message) => void;
}) {
  const [closing, setClosing] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();

  async function close() {
    if (!note.trim()) {
      setError(`${followUpFieldLabels.closeNote}を入力してください（何をしたかを一言で）`);
      return;
    }
    try {
      await closeFollowUp(followUp.id, note.trim());
      onResult({ kind: 'success', text: `「${followUp.text}」を対応済みにしました。` });
    } catch (failure) {
      onResult({ kind: 'error', text: describeStorageError(failure) });
    }
  }

  return (
    <li className="follow-up">
      <p className="follow-up-text">{followUp.text}</p>
      <p className="hint">
        {formatDateTimeShort(followUp.createdAt)}から
        {followUp.drillId ? (
          <>
            （<Link to={`/drills/${followUp.drillId}`}>訓練で見つかったこと</Link>）
          </>
        ) : null}
      </p>
      {closing ? (
        <form
          className="follow-up-close"
          onSubmit={(event) => {
            event.preventDefault();
            void close();
          }}
        >
          <Field label={followUpFieldLabels.closeNote} error={error} required>
            <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <div className="actions">
            <button type="submit" className="primary">
              対応済みにする
            </button>
            <button type="button" onClick={() => setClosing(false)}>
              やめる
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setClosing(true)}>
          対応済みにする
        </button>
      )}
    </li>
  );
}
