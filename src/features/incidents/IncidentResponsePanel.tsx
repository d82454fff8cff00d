import { useState } from 'react';
import { Link } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import { saveRecord } from '../../db/records.ts';
import { describeStorageError } from '../../db/errors.ts';
import { loadCurrentOperator } from '../../db/station.ts';
import { pickData } from '../../domain/recordMeta.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { nowIso } from '../../domain/dateTime.ts';
import { contactAvailabilityAt } from '../../domain/businessHours.ts';
import { describeCall, logCall } from '../../domain/incidentCalls.ts';
import { Banner } from '../common/Banner.tsx';
import { useClosureDays } from '../common/useClosureDays.ts';
import { ContactCallList } from '../contacts/ContactCallList.tsx';
import { ProcedureView } from '../procedures/ProcedureView.tsx';
import { useDrillRecorder } from '../drills/useDrillRecorder.tsx';

interface LoggedCall {
  entryId: string;
  who: string;
  number: string | null;
}

/**
 * The outage desk inside an incident: whom to call for its system, with 「電話した」 logging the
 * call on the timeline in one click, and the fallback procedure from 初動.
 */
export function IncidentResponsePanel({ incident }: { incident: RecordOf<'incident'> }) {
  const procedures = useLiveRecords('procedure');
  const closures = useClosureDays();
  const [logged, setLogged] = useState<LoggedCall | null>(null);
  const [summary, setSummary] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  // A call made on the running drill's own incident goes on the drill's timeline too.
  const drill = useDrillRecorder();
  const isDrillIncident = Boolean(drill.drill && incident.drillId === drill.drill.id);

  const procedure =
    procedures?.find((p) => p.id === incident.procedureId) ??
    procedures?.find((p) => p.systemIds.includes(incident.systemId));

  async function recordCall(contact: RecordOf<'contact'>) {
    const at = nowIso();
    const number =
      contactAvailabilityAt(contact, new Date(at), closures).callNumber?.number ?? null;
    const who = contact.organization ? `${contact.organization} ${contact.name}` : contact.name;
    const { data, entryId } = logCall(
      pickData(incident),
      { contactId: contact.id, who, number },
      at,
      await loadCurrentOperator(),
    );
    try {
      await saveRecord('incident', data, { id: incident.id, baseRev: incident.rev });
      setFailure(null);
      setSummary('');
      setLogged({ entryId, who, number });
      if (isDrillIncident) drill.record({ kind: 'contactMade', text: who, refId: contact.id });
    } catch (error) {
      setFailure(describeStorageError(error));
    }
  }

  async function saveSummary() {
    if (!logged) return;
    const data = describeCall(pickData(incident), logged.entryId, summary, logged.number);
    try {
      await saveRecord('incident', data, { id: incident.id, baseRev: incident.rev });
      setLogged(null);
    } catch (error) {
      setFailure(describeStorageError(error));
    }
  }

  return (
    <section aria-labelledby="response-heading" className="card response-panel">
      <h2 id="response-heading">連絡先と代替手順</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {logged ? (
        <div className="call-logged" role="status">
          <p>
            「{logged.who}」への電話を経過に記録しました。話した内容があれば書き足してください。
          </p>
          <label htmlFor="call-summary">伝えた内容・回答</label>
          <textarea
            id="call-summary"
            rows={2}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
            placeholder="例: 調査中。30分以内に折り返すとのこと"
          />
          <div className="actions">
            <button type="button" className="primary" onClick={() => void saveSummary()}>
              内容を記録する
            </button>
            <button type="button" onClick={() => setLogged(null)}>
              閉じる
            </button>
          </div>
        </div>
      ) : null}
      <h3>いま連絡する先</h3>
      <ContactCallList
        systemId={incident.systemId}
        renderActions={(contact) => (
          <button
            type="button"
            onClick={() => void recordCall(contact)}
            aria-label={`${contact.name}に電話した（経過に記録）`}
          >
            電話した
          </button>
        )}
      />
      <h3>代替手順</h3>
      {procedure ? (
        <details open={incident.status !== 'closed'}>
          <summary>
            {procedure.title}（<Link to={`/procedures/${procedure.id}`}>手順のページ</Link>）
          </summary>
          <ProcedureView procedure={procedure} startPhase="initial" headingLevel={3} />
        </details>
      ) : (
        <p>このシステムの代替手順は登録されていません。</p>
      )}
    </section>
  );
}
