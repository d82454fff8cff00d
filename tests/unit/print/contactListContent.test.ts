import { describe, expect, it } from 'vitest';
import type { ContactData } from '../../../src/domain/contact.ts';
import type { SystemData } from '../../../src/domain/system.ts';
import { emptyContact } from '../../../src/features/contacts/contactFormValues.ts';
import { buildDemoData, DEMO_AUTHOR_ID } from '../../../src/demo/demoMunicipality.ts';
import { contactListGroups, lastUpdatedFact } from '../../../src/print/contactListContent.ts';
import { joinSystemNames, walletCardContent } from '../../../src/print/walletCardContent.ts';

const demo = buildDemoData(DEMO_AUTHOR_ID, new Date('2026-11-29T00:00:00Z'));

function contact(id: string, fields: Partial<ContactData>): ContactData & { id: string } {
  return {
    ...emptyContact(),
    id,
    name: id,
    phones: [{ label: '', number: `0120-${id}` }],
    ...fields,
  };
}

function system(
  id: string,
  priority: SystemData['continuityPriority'],
): Pick<SystemData, 'name' | 'continuityPriority'> & { id: string } {
  return { id, name: `システム${id}`, continuityPriority: priority };
}

describe('contactListGroups (様式9)', () => {
  it('groups every contact by kind, the municipality first, empty kinds left out', () => {
    const groups = contactListGroups(demo.contact, demo.system);
    expect(groups.map((g) => g.label)).toEqual(['情報システム担当', '庁内', 'ベンダー窓口']);
    expect(groups.flatMap((g) => g.rows)).toHaveLength(demo.contact.length);
    const [it] = groups;
    expect(it!.rows.map((r) => r.person)).toEqual([
      '佐藤 一郎（システム担当係長）',
      '鈴木 美咲（主任（職務代行））',
    ]);
    expect(it!.rows[0]).toMatchObject({
      affiliation: '架空市 情報政策課',
      afterHours: '080-0000-2345',
      phones: ['直通 0000-11-2345', '携帯（公用） 080-0000-2345', '内線 2345'],
      deputy: '鈴木 美咲（架空市） 直通 0000-11-2346 内線 2346',
      email: 'sato@city.kakuu.example.jp',
    });
    expect(it!.rows[0]!.systems).toEqual(['すべてのシステム']);
    const helpdesk = groups[2]!.rows.find((r) => r.person === 'ヘルプデスク（一次受付）')!;
    expect(helpdesk).toMatchObject({
      affiliation: '架空システムズ株式会社 カスタマーサポートセンター',
      contractNumber: 'KS-2024-00123',
      hours: '月〜金 8:30〜17:30（祝日・閉庁日は休み）',
    });
    expect(helpdesk.systems).toHaveLength(3);
  });

  it('lists only the contacts of one system, in the order to call them', () => {
    const rows = contactListGroups(
      [
        contact('b', { systemIds: ['s1'], escalationOrder: 2 }),
        contact('a', { systemIds: ['s1'], escalationOrder: 3 }),
        contact('c', { systemIds: ['s2'], escalationOrder: 1 }),
      ],
      [system('s1', 'high'), system('s2', 'high')],
      's1',
    ).flatMap((g) => g.rows);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(rows[0]!.systems).toEqual([]);
  });

  it('orders by organisation (nameless last), then escalation order, then name', () => {
    const rows = contactListGroups(
      [
        contact('x', { organization: '' }),
        contact('y', { organization: 'い社', escalationOrder: 2 }),
        contact('z', { organization: 'い社', escalationOrder: 1 }),
        contact('w', { organization: 'あ社' }),
      ],
      [],
    )[0]!.rows;
    expect(rows.map((r) => r.id)).toEqual(['w', 'z', 'y', 'x']);
    expect(rows[3]!.affiliation).toBe('—');
  });

  it('states the newest change of the records listed', () => {
    expect(
      lastUpdatedFact([
        { updatedAt: '2026-11-01T00:00:00Z' },
        { updatedAt: '2026-11-29T05:30:00Z' },
        { updatedAt: '2026-11-02T00:00:00Z' },
      ]),
    ).toEqual({ label: '最終更新', value: '令和8年11月29日（2026年） 14:30' });
    expect(lastUpdatedFact([]).value).toBe('—');
  });
});

describe('walletCardContent', () => {
  it('holds the IT section first, then the first vendor desk of each system', () => {
    const content = walletCardContent(demo.contact, demo.system);
    expect(content.itSection.map((e) => e.name)).toEqual([
      '佐藤 一郎（架空市）',
      '鈴木 美咲（架空市）',
    ]);
    // 佐藤's after-hours number is his 公用携帯, already on the card.
    expect(content.itSection[0]).toMatchObject({
      numbers: ['直通 0000-11-2345', '携帯（公用） 080-0000-2345'],
      afterHours: null,
    });
    expect(content.itSection[1]!.afterHours).toBe('登録なし');
    expect(content.vendors).toHaveLength(5);
    const helpdesk = content.vendors.find((v) => v.name.startsWith('ヘルプデスク'))!;
    expect(helpdesk).toMatchObject({
      numbers: ['代表 0120-000-111'],
      afterHours: '090-0000-1111',
      contractNumber: 'KS-2024-00123',
    });
    expect(helpdesk.detail).toBe('住民記録・税務・財務会計システム');
    // A 24-hour desk: its number, once, and no 時間外 line.
    expect(content.vendors.find((v) => v.name.startsWith('運用センター'))).toMatchObject({
      numbers: ['24時間 0120-000-333'],
      afterHours: null,
    });
    expect(content.omitted).toBe(0);
  });

  it('takes systems by continuity priority, one entry per desk, and counts what did not fit', () => {
    const contacts = [
      contact('v1', { systemIds: ['n1', 'h1'], escalationOrder: 2 }),
      contact('v2', { systemIds: ['h2'] }),
      contact('v0', { systemIds: ['h1'], escalationOrder: 1 }),
      contact('it1', { kind: 'itSection', escalationOrder: 2 }),
      contact('it2', { kind: 'itSection', escalationOrder: 1 }),
    ];
    const systems = [system('n1', 'normal'), system('h2', 'high'), system('h1', 'highest')];
    const content = walletCardContent(contacts, systems, { itSection: 1, vendors: 2 });
    expect(content.itSection.map((e) => e.id)).toEqual(['it2']);
    // h1 (最優先) is first for v0, h2 for v2, n1 for v1: v1 does not fit.
    expect(content.vendors.map((e) => [e.id, e.detail])).toEqual([
      ['v0', 'システムh1'],
      ['v2', 'システムh2'],
    ]);
    expect(content.omitted).toBe(2);
  });
});

describe('joinSystemNames', () => {
  it('writes a shared ending 「システム」 once', () => {
    expect(joinSystemNames(['住民記録システム', '税務システム'])).toBe('住民記録・税務システム');
    expect(joinSystemNames(['住民記録システム', '庁内LAN・LGWAN接続'])).toBe(
      '住民記録システム・庁内LAN・LGWAN接続',
    );
    expect(joinSystemNames(['税務システム'])).toBe('税務システム');
    expect(joinSystemNames(['システム', '税務システム'])).toBe('システム・税務システム');
  });
});
