import { describe, expect, it } from 'vitest';
import type { ContactData } from '../../../src/domain/contact.ts';
import {
  contactPrintRows,
  isAlwaysOpen,
  levelPrintRows,
  pickKitProcedure,
} from '../../../src/print/kitContent.ts';

const weekdays = {
  ranges: [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:15', overnight: false }],
  closedOnHolidays: true,
};
const allDay = {
  ranges: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '24:00', overnight: false }],
  closedOnHolidays: false,
};

function contact(id: string, fields: Partial<ContactData>): ContactData & { id: string } {
  return {
    id,
    name: id,
    organization: '',
    department: '',
    role: '',
    kind: 'internal',
    phones: [],
    extension: '',
    email: '',
    businessHours: null,
    afterHoursPhone: '',
    contractNumber: '',
    systemIds: ['sys'],
    escalationOrder: null,
    deputyContactId: null,
    notes: '',
    ...fields,
  };
}

describe('pickKitProcedure', () => {
  const procedures = [
    { id: 'b', title: 'い手順', systemIds: ['sys'] },
    { id: 'a', title: 'あ手順', systemIds: ['sys', 'other'] },
    { id: 'c', title: 'う手順', systemIds: ['other'] },
  ];

  it('prints the procedure chosen on screen and names the others', () => {
    const { procedure, others } = pickKitProcedure(procedures, 'sys', 'b');
    expect(procedure?.id).toBe('b');
    expect(others.map((p) => p.id)).toEqual(['a']);
  });

  it('falls back to the first by title, as the outage screen shows by default', () => {
    expect(pickKitProcedure(procedures, 'sys', null).procedure?.id).toBe('a');
    expect(pickKitProcedure(procedures, 'sys', 'c').procedure?.id).toBe('a');
  });

  it('has nothing for a system without a procedure', () => {
    expect(pickKitProcedure(procedures, 'none', null)).toEqual({ procedure: null, others: [] });
  });
});

describe('contactPrintRows', () => {
  const rows = contactPrintRows(
    [
      contact('vendor', {
        name: 'ヘルプデスク',
        organization: '架空システムズ株式会社',
        phones: [{ label: '代表', number: '0120-000-111' }],
        businessHours: weekdays,
        afterHoursPhone: '090-0000-1111',
        contractNumber: 'KS-1',
        escalationOrder: 2,
      }),
      contact('boss', {
        name: '佐藤 一郎',
        department: '情報政策課',
        role: '係長',
        phones: [{ label: '直通', number: '0000-11-2345' }],
        extension: '2345',
        businessHours: weekdays,
        escalationOrder: 1,
        deputyContactId: 'deputy',
      }),
      contact('deputy', {
        name: '鈴木 美咲',
        phones: [{ label: '直通', number: '0000-11-2346' }],
        afterHoursPhone: '080-0000-2346',
        escalationOrder: 1,
        systemIds: [],
      }),
      contact('center', {
        name: '運用センター',
        phones: [{ label: '', number: '0120-000-333' }],
        businessHours: allDay,
      }),
      contact('gone', { name: '退職者', deputyContactId: 'deleted-id', escalationOrder: 3 }),
      contact('unrelated', { systemIds: ['other'], escalationOrder: 1 }),
    ],
    'sys',
  );

  it('lists the system’s contacts in the order to call them, no order last', () => {
    expect(rows.map((r) => r.id)).toEqual(['boss', 'vendor', 'gone', 'center']);
    expect(rows.map((r) => r.order)).toEqual(['1', '2', '3', '—']);
  });

  it('gives the numbers within hours, after hours, and the hours themselves', () => {
    const vendor = rows[1]!;
    expect(vendor.name).toBe('ヘルプデスク（架空システムズ株式会社）');
    expect(vendor.phones).toEqual(['代表 0120-000-111']);
    expect(vendor.afterHours).toBe('090-0000-1111');
    expect(vendor.hours).toBe('月〜金 8:30〜17:15（祝日・閉庁日は休み）');
    expect(vendor.contractNumber).toBe('KS-1');
    expect(rows[0]!.phones).toEqual(['直通 0000-11-2345', '内線 2345']);
    expect(rows[0]!.afterHours).toBe('登録なし');
  });

  it('says a round-the-clock desk has no after-hours number to need', () => {
    expect(rows[3]!.afterHours).toBe('（24時間受付）');
    expect(rows[3]!.phones).toEqual(['0120-000-333']);
    expect(isAlwaysOpen(allDay)).toBe(true);
    expect(isAlwaysOpen(weekdays)).toBe(false);
    expect(isAlwaysOpen({ ...allDay, closedOnHolidays: true })).toBe(false);
    expect(isAlwaysOpen(null)).toBe(false);
  });

  it('names the deputy (職務代行) with their numbers, or says it was deleted', () => {
    expect(rows[0]!.deputy).toBe('鈴木 美咲 直通 0000-11-2346 時間外 080-0000-2346');
    expect(rows[1]!.deputy).toBeNull();
    expect(rows[2]!.deputy).toBe('（削除された連絡先）');
    expect(rows[2]!.phones).toEqual(['電話番号の登録なし']);
  });
});

describe('levelPrintRows', () => {
  it('sorts the levels and states the deadline in words', () => {
    const rows = levelPrintRows([
      {
        id: 'l3',
        level: 3,
        name: '重大',
        criteria: '止まった',
        actions: '',
        notify: '課長',
        notifyWithinMinutes: 15,
      },
      {
        id: 'l1',
        level: 1,
        name: '軽微',
        criteria: '一部',
        actions: '記録',
        notify: '',
        notifyWithinMinutes: null,
      },
    ]);
    expect(rows.map((r) => r.level)).toEqual([1, 3]);
    expect(rows[0]).toMatchObject({ actions: '記録', notify: '—', deadline: '期限なし' });
    expect(rows[1]).toMatchObject({ actions: '—', deadline: '発生から15分以内' });
  });
});
