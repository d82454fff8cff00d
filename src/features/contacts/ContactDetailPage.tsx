import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../../db/hooks.ts';
import { contactFieldLabels, contactKindLabels } from '../../domain/contact.ts';
import {
  contactAvailabilityAt,
  describeAvailability,
  formatBusinessHours,
} from '../../domain/businessHours.ts';
import { contactDisplayName, contactsWithDeputy } from '../../domain/contactRules.ts';
import { Banner } from '../common/Banner.tsx';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { DeleteRecordButton } from '../common/DeleteRecordButton.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { useNow } from '../common/useNow.ts';
import { useClosureDays } from '../common/useClosureDays.ts';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { ConflictBadge } from '../exchange/ConflictBadge.tsx';
import { ConfirmContactButton, type ActionMessage } from '../review/ConfirmContactButton.tsx';
import { RecordFollowUps } from '../followUps/RecordFollowUps.tsx';
import { formatDateJa } from '../../domain/dateTime.ts';
import { todayInTokyo } from '../../domain/procedureRules.ts';
import { AvailabilityBadge } from './AvailabilityBadge.tsx';
import { telHref } from './contactText.ts';
import './contacts.css';

const labels = contactFieldLabels;

function Item({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div className="detail-item">
      <dt>{label}</dt>
      <dd>{empty ? '—' : children}</dd>
    </div>
  );
}

/** One contact with every field, whom it stands in for, and who stands in for it. */
export function ContactDetailPage() {
  const { id } = useParams();
  const location = useLocation();
  const contact = useLiveRecord('contact', id);
  const contacts = useLiveRecords('contact');
  const systems = useLiveRecords('system');
  const canEdit = useCanEditMasterData();
  const now = useNow();
  const closures = useClosureDays();
  const [message, setMessage] = useState<ActionMessage | null>(null);
  usePageTitle(contact ? contact.name : '連絡先');

  if (contact === undefined || canEdit === undefined) return <p role="status">読み込み中…</p>;
  if (contact === null) return <RecordNotFound what="この連絡先" backTo="/contacts" />;

  const saved = (location.state as { saved?: boolean } | null)?.saved;
  const availability = contactAvailabilityAt(contact, now, closures);
  const until = describeAvailability(contact.businessHours, now, closures);
  const deputy = contact.deputyContactId
    ? (contacts ?? []).find((c) => c.id === contact.deputyContactId)
    : undefined;
  const standsInFor = contactsWithDeputy(contacts ?? [], contact.id);
  const systemName = new Map((systems ?? []).map((s) => [s.id, s.name]));
  const consequence = standsInFor.length
    ? `${standsInFor.map((c) => `「${contactDisplayName(c)}」`).join('')}がこの連絡先を職務代行にしています。削除すると、その職務代行は「削除された連絡先」と表示されるので、選び直してください。`
    : undefined;

  return (
    <article className="contact-detail">
      <p>
        <Link to="/contacts">← 連絡先の一覧</Link>
      </p>
      <div className="page-heading">
        <h1>
          {contact.name}
          {contact.organization ? (
            <small className="heading-org">{contact.organization}</small>
          ) : null}
        </h1>
        <ConflictBadge type="contact" id={contact.id} />
        {canEdit ? (
          <div className="actions">
            <Link className="button primary" to={`/contacts/${contact.id}/edit`}>
              編集
            </Link>
            <ConfirmContactButton
              contact={contact}
              today={todayInTokyo(now)}
              onResult={setMessage}
            />
            <DeleteRecordButton
              type="contact"
              id={contact.id}
              rev={contact.rev}
              title={contact.name}
              afterDelete="/contacts"
              {...(consequence ? { consequence } : {})}
            />
          </div>
        ) : null}
      </div>
      {canEdit === false ? <ReadOnlyNotice what="連絡先" /> : null}
      {saved ? <Banner kind="success">保存しました。</Banner> : null}
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <RecordFollowUps targetType="contact" targetId={contact.id} />
      <section className="card contact-now" aria-label="いまの受付状況">
        <AvailabilityBadge availability={availability} />
        {until ? <span className="until">{until}</span> : null}
        <p>
          いまかける番号:{' '}
          {availability.callNumber ? (
            <a className="phone-big" href={telHref(availability.callNumber.number)}>
              {availability.callNumber.number}
            </a>
          ) : (
            <strong>{availability.note}</strong>
          )}
          {availability.callNumber?.label ? `（${availability.callNumber.label}）` : ''}
        </p>
      </section>
      <dl className="detail-grid">
        <Item label={labels.kind}>{contactKindLabels[contact.kind]}</Item>
        <Item label={labels.organization}>{contact.organization}</Item>
        <Item label={labels.department}>{contact.department}</Item>
        <Item label={labels.role}>{contact.role}</Item>
        <Item label={labels.extension}>{contact.extension}</Item>
        <Item label={labels.email}>{contact.email}</Item>
        <Item label={labels.contractNumber}>
          {contact.contractNumber ? <span className="mono">{contact.contractNumber}</span> : ''}
        </Item>
        <Item label={labels.escalationOrder}>
          {contact.escalationOrder === null ? '' : `${contact.escalationOrder}番目`}
        </Item>
        <Item label={labels.confirmedOn}>
          {contact.confirmedOn
            ? `${formatDateJa(contact.confirmedOn)}${contact.confirmedBy ? `（${contact.confirmedBy}）` : ''}`
            : 'まだ確認していません'}
        </Item>
      </dl>
      <dl className="detail-stack">
        <Item label={labels.phones}>
          {contact.phones.length ? (
            <ul className="plain-list">
              {contact.phones.map((p, i) => (
                <li key={`${p.number}-${i}`}>
                  {p.label ? `${p.label}: ` : ''}
                  <a className="phone-link" href={telHref(p.number)}>
                    {p.number}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </Item>
        <Item label={labels.businessHours}>{formatBusinessHours(contact.businessHours)}</Item>
        <Item label={labels.afterHoursPhone}>
          {contact.afterHoursPhone ? (
            <a className="phone-link" href={telHref(contact.afterHoursPhone)}>
              {contact.afterHoursPhone}
            </a>
          ) : (
            ''
          )}
        </Item>
        <Item label={labels.systemIds}>
          {contact.systemIds.length ? (
            <ul className="plain-list">
              {contact.systemIds.map((systemId) => (
                <li key={systemId}>
                  {systemName.has(systemId) ? (
                    <Link to={`/systems/${systemId}`}>{systemName.get(systemId)}</Link>
                  ) : (
                    '（削除されたシステム）'
                  )}
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </Item>
        <Item label={labels.deputyContactId}>
          {deputy ? (
            <Link to={`/contacts/${deputy.id}`}>{contactDisplayName(deputy)}</Link>
          ) : contact.deputyContactId ? (
            '（削除された連絡先）'
          ) : (
            ''
          )}
        </Item>
        <Item label="この人を職務代行にしている連絡先">
          {standsInFor.length ? (
            <ul className="plain-list">
              {standsInFor.map((c) => (
                <li key={c.id}>
                  <Link to={`/contacts/${c.id}`}>{contactDisplayName(c)}</Link>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </Item>
        <Item label={labels.notes}>{contact.notes}</Item>
      </dl>
    </article>
  );
}
