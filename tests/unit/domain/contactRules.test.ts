import { describe, expect, it } from 'vitest';
import {
  checkContactRules,
  contactDisplayName,
  contactsToCall,
  contactsWithDeputy,
  type ContactRef,
} from '../../../src/domain/contactRules.ts';

const systems = [
  { id: 'juki', name: '住民記録システム' },
  { id: 'zei', name: '税務システム' },
];

function contact(id: string, over: Partial<ContactRef> = {}): ContactRef {
  return {
    id,
    name: id,
    organization: '',
    systemIds: [],
    escalationOrder: null,
    deputyContactId: null,
    ...over,
  };
}

const data = (
  over: Partial<Pick<ContactRef, 'systemIds' | 'escalationOrder' | 'deputyContactId'>>,
) => ({
  systemIds: [],
  escalationOrder: null,
  deputyContactId: null,
  ...over,
});

describe('checkContactRules', () => {
  it('accepts a contact with live references and a free order', () => {
    const others = [contact('a', { systemIds: ['juki'], escalationOrder: 1 })];
    expect(
      checkContactRules({
        id: null,
        data: data({ systemIds: ['juki'], escalationOrder: 2, deputyContactId: 'a' }),
        contacts: others,
        systems,
      }),
    ).toEqual([]);
  });

  it('refuses the contact itself as its deputy', () => {
    const issues = checkContactRules({
      id: 'me',
      data: data({ deputyContactId: 'me' }),
      contacts: [contact('me')],
      systems,
    });
    expect(issues).toEqual([
      { field: 'deputyContactId', message: expect.stringContaining('自分自身は選べません') },
    ]);
  });

  it('refuses a deputy that was deleted', () => {
    const issues = checkContactRules({
      id: 'me',
      data: data({ deputyContactId: 'gone' }),
      contacts: [contact('me')],
      systems,
    });
    expect(issues).toEqual([
      { field: 'deputyContactId', message: expect.stringContaining('削除されています') },
    ]);
  });

  it('counts the systems that were deleted', () => {
    const issues = checkContactRules({
      id: null,
      data: data({ systemIds: ['juki', 'old-1', 'old-2'] }),
      contacts: [],
      systems,
    });
    expect(issues).toEqual([
      {
        field: 'systemIds',
        message: expect.stringContaining('2件は削除されています'),
      },
    ]);
  });

  it('names the other contact and the shared system when the order is taken', () => {
    const others = [
      contact('a', {
        name: 'ヘルプデスク',
        organization: '架空システムズ株式会社',
        systemIds: ['zei', 'juki'],
        escalationOrder: 1,
      }),
    ];
    const [issue] = checkContactRules({
      id: null,
      data: data({ systemIds: ['juki'], escalationOrder: 1 }),
      contacts: others,
      systems,
    });
    expect(issue?.field).toBe('escalationOrder');
    expect(issue?.message).toContain(
      '連絡順1は、「住民記録システム」の連絡先「ヘルプデスク（架空システムズ株式会社）」と同じです',
    );
  });

  it.each([
    ['no shared system', data({ systemIds: ['zei'], escalationOrder: 1 })],
    ['no order', data({ systemIds: ['juki'], escalationOrder: null })],
    ['another order', data({ systemIds: ['juki'], escalationOrder: 2 })],
    ['its own deputy', data({ systemIds: ['juki'], escalationOrder: 1, deputyContactId: 'a' })],
  ])('allows the same system with %s', (_, input) => {
    const others = [contact('a', { systemIds: ['juki'], escalationOrder: 1 })];
    expect(checkContactRules({ id: 'me', data: input, contacts: others, systems })).toEqual([]);
  });

  it('allows the order of a contact whose deputy is this one, and ignores itself', () => {
    const others = [
      contact('a', { systemIds: ['juki'], escalationOrder: 1, deputyContactId: 'me' }),
      contact('me', { systemIds: ['juki'], escalationOrder: 1 }),
    ];
    expect(
      checkContactRules({
        id: 'me',
        data: data({ systemIds: ['juki'], escalationOrder: 1 }),
        contacts: others,
        systems,
      }),
    ).toEqual([]);
  });
});

describe('contactsToCall', () => {
  it('orders by escalation order, a contact before its deputy, then by name, none last', () => {
    const list = [
      contact('なし', { systemIds: ['juki'] }),
      contact('鈴木', { systemIds: ['juki'], escalationOrder: 1 }),
      contact('佐藤', { systemIds: ['juki'], escalationOrder: 1, deputyContactId: '鈴木' }),
      contact('ベンダー', { systemIds: ['juki'], escalationOrder: 2 }),
      contact('別システム', { systemIds: ['zei'], escalationOrder: 1 }),
      contact('阿部', { systemIds: ['juki'], escalationOrder: 2 }),
    ];
    expect(contactsToCall(list, 'juki').map((c) => c.id)).toEqual([
      '佐藤',
      '鈴木',
      'ベンダー',
      '阿部',
      'なし',
    ]);
  });
});

describe('contactsWithDeputy and contactDisplayName', () => {
  it('lists whom a contact stands in for, and names with the organisation', () => {
    const list = [
      contact('a', { deputyContactId: 'b' }),
      contact('b'),
      contact('c', { deputyContactId: 'b' }),
    ];
    expect(contactsWithDeputy(list, 'b').map((c) => c.id)).toEqual(['a', 'c']);
    expect(contactDisplayName({ name: '運用センター', organization: '' })).toBe('運用センター');
    expect(contactDisplayName({ name: '運用センター', organization: '架空交付' })).toBe(
      '運用センター（架空交付）',
    );
  });
});
