import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { contactFieldLabels } from '../../domain/contactLabels.ts';
import { contactAvailabilityAt, describeAvailability } from '../../domain/businessHoursRules.ts';
import { contactDisplayName, contactsToCall } from '../../domain/contactRules.ts';
import { useNow } from '../common/useNow.ts';
import { useClosureDays } from '../common/useClosureDays.ts';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { AvailabilityBadge } from './AvailabilityBadge.tsx';
import { telHref } from './contactText.ts';
import './contacts.css';

type Contact = RecordOf<'contact'>;

function PhoneLink({ number, className }: { number: string; className?: string }) {
  return (
    <a className={className ?? 'phone-link'} href={telHref(number)}>
      {number}
    </a>
  );
}

/**
 * Whom to call for a system, in escalation order, with the number to dial at this hour: for the
 * outage screen and the incident detail. `renderActions` adds buttons at the end of each row
 * (e.g. 「電話した」 to log the call on an incident).
 */
export function ContactCallList({
  systemId,
  renderActions,
}: {
  systemId: string;
  renderActions?: (contact: Contact) => ReactNode;
}) {
  const contacts = useLiveRecords('contact');
  const canEdit = useCanEditMasterData();
  const now = useNow();
  const closures = useClosureDays();
  if (contacts === undefined) return <p role="status">読み込み中…</p>;
  const list = contactsToCall(contacts, systemId);
  if (list.length === 0)
    return (
      <p className="empty">
        このシステムの連絡先は登録されていません。
        {canEdit ? (
          <Link to="/contacts">連絡先の画面で登録する</Link>
        ) : (
          '情報システム担当に確認してください。'
        )}
      </p>
    );
  const byId = new Map(contacts.map((c) => [c.id, c]));

  return (
    <ol className="call-list" aria-label="連絡する順番">
      {list.map((contact) => {
        const availability = contactAvailabilityAt(contact, now, closures);
        const until = describeAvailability(contact.businessHours, now, closures);
        const deputy = contact.deputyContactId ? byId.get(contact.deputyContactId) : undefined;
        const deputyNow = deputy ? contactAvailabilityAt(deputy, now, closures) : null;
        const otherPhones = contact.phones.filter(
          (p) => p.number !== availability.callNumber?.number,
        );
        return (
          <li key={contact.id} className="call-row">
            <div className="call-who">
              <span className="call-order">
                {contact.escalationOrder === null ? '—' : `${contact.escalationOrder}番目`}
              </span>
              <strong className="call-name">{contactDisplayName(contact)}</strong>
              {contact.department || contact.role ? (
                <span className="hint">
                  {[contact.department, contact.role].filter(Boolean).join('・')}
                </span>
              ) : null}
            </div>
            <div className="call-now">
              <AvailabilityBadge availability={availability} />
              {until ? <span className="until">{until}</span> : null}
              <div>
                {availability.callNumber ? (
                  <>
                    <span className="call-label">
                      いまかける番号
                      {availability.callNumber.label ? `（${availability.callNumber.label}）` : ''}
                    </span>
                    <PhoneLink number={availability.callNumber.number} className="phone-big" />
                  </>
                ) : (
                  <strong className="call-missing">{availability.note}</strong>
                )}
              </div>
              {otherPhones.length ? (
                <p className="call-other">
                  ほかの番号:{' '}
                  {otherPhones.map((p, i) => (
                    <span key={`${p.number}-${i}`}>
                      {p.label ? `${p.label} ` : ''}
                      <PhoneLink number={p.number} />
                    </span>
                  ))}
                </p>
              ) : null}
              {contact.extension ? (
                <p className="call-other">
                  {contactFieldLabels.extension}: {contact.extension}
                </p>
              ) : null}
            </div>
            <div className="call-facts">
              {contact.contractNumber ? (
                <p>
                  {contactFieldLabels.contractNumber}:{' '}
                  <strong className="mono">{contact.contractNumber}</strong>
                </p>
              ) : null}
              {contact.deputyContactId ? (
                <p>
                  {contactFieldLabels.deputyContactId}:{' '}
                  {deputy ? (
                    <>
                      {contactDisplayName(deputy)}{' '}
                      {deputyNow?.callNumber ? (
                        <PhoneLink number={deputyNow.callNumber.number} />
                      ) : (
                        <span className="hint">{deputyNow?.note}</span>
                      )}
                    </>
                  ) : (
                    '（削除された連絡先）'
                  )}
                </p>
              ) : null}
            </div>
            {renderActions ? <div className="call-actions">{renderActions(contact)}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
