import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { NotificationDeadline } from '../../src/features/levels/NotificationDeadline.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { emptyIncident, type IncidentData } from '../../src/domain/incident.ts';
import { demoLevels } from '../../src/demo/demoCatalog.ts';
import { createId } from '../../src/domain/ids.ts';

const MINUTE = 60_000;

/** An incident that occurred `minutesAgo` minutes ago (real clock: useNow reads it). */
async function incident(change: Partial<IncidentData> & { minutesAgo: number }) {
  const { minutesAgo, ...rest } = change;
  return saveRecord(
    'incident',
    emptyIncident({
      title: '証明書が印刷できない',
      systemId: createId(),
      occurredAt: new Date(Date.now() - minutesAgo * MINUTE).toISOString(),
      ...rest,
    }),
  );
}

beforeEach(async () => {
  await freshDatabaseWithStation();
  for (const level of demoLevels) await saveRecord('incidentLevel', level);
});

describe('NotificationDeadline', () => {
  it('counts down from 発生 and says whom to notify', async () => {
    const record = await incident({ level: 2, minutesAgo: 20 });
    const { container } = render(<NotificationDeadline incident={record} />);
    expect(await screen.findByText(/^あと10分（\d{1,2}:\d{2}まで）$/)).toBeInTheDocument();
    expect(screen.getByText('所管課長、情報政策課')).toBeInTheDocument();
    expect(screen.getByText(/へ発生から30分以内に連絡/)).toBeInTheDocument();
    expect(container.querySelector('.is-overdue')).toBeNull();
  });

  it('turns red and says how late once the deadline has passed', async () => {
    const record = await incident({ level: 3, minutesAgo: 30 });
    const { container } = render(<NotificationDeadline incident={record} />);
    expect(await screen.findByText(/期限を15分過ぎています/)).toBeInTheDocument();
    expect(screen.getByText('期限切れ')).toBeInTheDocument();
    expect(container.querySelector('.notification-deadline.is-overdue')).not.toBeNull();
  });

  it('stops counting once the incident is resolved', async () => {
    const record = await incident({ level: 3, minutesAgo: 30, status: 'resolved' });
    const { container } = render(<NotificationDeadline incident={record} />);
    expect(await screen.findByText(/残り時間は数えていません/)).toBeInTheDocument();
    expect(screen.queryByText(/期限を.*過ぎています/)).toBeNull();
    expect(container.querySelector('.is-overdue')).toBeNull();
  });

  it('shows nothing without a level, for an unknown level, or for a level without a deadline', async () => {
    await saveRecord('incidentLevel', {
      ...demoLevels[0]!,
      level: 5,
      name: '参考',
      notifyWithinMinutes: null,
    });
    const records = await Promise.all(
      [null, 5, 9, 2].map((level) => incident({ level, minutesAgo: 5 })),
    );
    render(
      <>
        {records.map((record) => (
          <div key={record.id} data-testid={`level-${String(record.level)}`}>
            <NotificationDeadline incident={record} />
          </div>
        ))}
      </>,
    );
    // Level 2 (30 minutes) shows once the levels are read; the others had the same chance.
    expect(await screen.findByText(/^あと25分/)).toBeInTheDocument();
    for (const level of ['null', '5', '9'])
      expect(screen.getByTestId(`level-${level}`)).toBeEmptyDOMElement();
  });
});
