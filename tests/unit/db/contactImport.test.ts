import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyContactImport,
  contactMatchKey,
  planContactImport,
  previewContactImport,
  type ContactImportRow,
} from '../../../src/db/contactImport.ts';
import { saveRecord } from '../../../src/db/records.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';
import type { ContactData } from '../../../src/domain/contact.ts';
import {
  applyContactMapping,
  contactCsvColumns,
  contactsToCsv,
  suggestContactMapping,
  type ContactCsvField,
} from '../../../src/exchange/contactCsv.ts';
import { csvBytes, decodeCsvBytes, parseCsv } from '../../../src/exchange/csv.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import { emptyContact } from '../../../src/features/contacts/contactFormValues.ts';
import { freshDatabaseWithStation, openFreshDatabase } from '../../testDatabase.ts';

const allFields = Object.keys(contactCsvColumns) as ContactCsvField[];
const contact = (over: Partial<ContactData>): ContactData => ({ ...emptyContact(), ...over });
const row = (line: number, over: Partial<ContactData>): ContactImportRow => ({
  line,
  data: contact(over),
});

let db: SonaeDatabase;
beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
});

describe('contactMatchKey', () => {
  it('folds width, case and spaces, and keeps name and organisation apart', () => {
    expect(contactMatchKey('山田\u3000花子', 'ＡＢＣ')).toBe(contactMatchKey('山田 花子', 'abc'));
    expect(contactMatchKey('ab', 'c')).not.toBe(contactMatchKey('a', 'bc'));
  });
});

describe('planContactImport', () => {
  it('adds unknown contacts, updates known ones and leaves equal ones alone', async () => {
    const system = await saveRecord('system', {
      name: '住民記録システム',
      department: '',
      vendor: '',
      continuityPriority: 'highest',
      priorityServices: '',
      rtoHours: null,
      notes: '',
    });
    const deputy = await saveRecord('contact', contact({ name: '鈴木' }));
    const known = await saveRecord(
      'contact',
      contact({
        name: 'ヘルプデスク',
        organization: '架空システムズ',
        systemIds: [system.id],
        deputyContactId: deputy.id,
        email: 'old@example.jp',
        notes: '残すメモ',
      }),
    );
    const plan = planContactImport(
      [
        row(2, { name: 'ヘルプデスク', organization: '架空システムズ', email: 'new@example.jp' }),
        row(3, { name: '鈴木' }),
        row(4, { name: '新しい窓口', organization: '架空ネット' }),
      ],
      [known, deputy],
      ['name', 'organization', 'email'],
    );
    expect(plan.counts).toEqual({ new: 1, updated: 1, unchanged: 1 });
    expect(plan.skipped).toEqual([]);
    const updated = plan.rows.find((r) => r.line === 2);
    expect(updated).toMatchObject({ change: 'updated', existingId: known.id });
    // Systems, deputy and the columns not mapped (notes) are kept.
    expect(updated?.data).toEqual({
      ...pickData(known),
      email: 'new@example.jp',
    });
    expect(plan.rows.find((r) => r.line === 3)).toMatchObject({ change: 'unchanged' });
    expect(plan.rows.find((r) => r.line === 4)).toMatchObject({ change: 'new', existingId: null });
  });

  it('skips a row repeated in the file and a name that matches two stored contacts', async () => {
    const a = await saveRecord('contact', contact({ name: '保守窓口', organization: 'X' }));
    const b = await saveRecord('contact', contact({ name: '保守窓口', organization: 'X' }));
    const plan = planContactImport(
      [
        row(2, { name: '新規', organization: 'Y' }),
        row(3, { name: '新規', organization: 'Ｙ' }),
        row(4, { name: '保守窓口', organization: 'X' }),
      ],
      [a, b],
      allFields,
    );
    expect(plan.rows.map((r) => r.line)).toEqual([2]);
    expect(plan.skipped).toEqual([
      { line: 3, message: expect.stringContaining('第3行: 第2行と同じ連絡先') },
      { line: 4, message: expect.stringContaining('この端末に2件あり') },
    ]);
  });

  it('warns when an update gives an order already taken for a shared system', async () => {
    const system = await saveRecord('system', {
      name: '税務システム',
      department: '',
      vendor: '',
      continuityPriority: 'normal',
      priorityServices: '',
      rtoHours: null,
      notes: '',
    });
    const first = await saveRecord(
      'contact',
      contact({ name: '一番', systemIds: [system.id], escalationOrder: 1 }),
    );
    const second = await saveRecord(
      'contact',
      contact({ name: '二番', systemIds: [system.id], escalationOrder: 2 }),
    );
    const plan = planContactImport(
      [row(5, { name: '二番', escalationOrder: 1 })],
      [first, second],
      ['name', 'escalationOrder'],
      [system],
    );
    expect(plan.counts.updated).toBe(1);
    expect(plan.warnings).toEqual([
      {
        line: 5,
        message: expect.stringContaining(
          '第5行: 連絡順1は、「税務システム」の連絡先「一番」と同じです',
        ),
      },
    ]);
  });
});

describe('applyContactImport', () => {
  it('writes every row in one go with ONE audit entry naming the file and the counts', async () => {
    await saveRecord(
      'contact',
      contact({ name: '既存', organization: 'A', email: 'a@example.jp' }),
    );
    const auditBefore = await db.audit.count();
    const { plan } = await applyContactImport(
      '連絡先.csv',
      [
        row(2, { name: '既存', organization: 'A', email: 'b@example.jp' }),
        row(3, { name: '新規1' }),
        row(4, { name: '新規2' }),
      ],
      allFields,
      2,
    );
    expect(plan.counts).toEqual({ new: 2, updated: 1, unchanged: 0 });
    const stored = await db.contacts.toArray();
    expect(stored.map((c) => c.name).sort()).toEqual(['新規1', '新規2', '既存']);
    expect(stored.find((c) => c.name === '既存')?.email).toBe('b@example.jp');
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({
      action: 'import',
      recordType: 'contact',
      recordId: null,
      summary: expect.stringContaining(
        '連絡先をCSV「連絡先.csv」から取り込み: 新規2件・更新1件・変更なし0件・取り込めない行2件（新規: 新規1、新規2／更新: 既存）',
      ),
    });
  });

  it('keeps the audit entry within its 1000 characters for a long list', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(i + 2, { name: `窓口${i}` }));
    await applyContactImport('多い.csv', rows, allFields);
    const entry = (await db.audit.toArray()).at(-1);
    expect(entry?.summary.length).toBeLessThanOrEqual(1000);
    expect(entry?.summary).toMatch(/ほか\d+件/);
    expect(await db.contacts.count()).toBe(300);
  });

  it('writes no contact when the audit entry cannot be written', async () => {
    vi.spyOn(db.audit, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(
      applyContactImport('x.csv', [row(2, { name: 'a' }), row(3, { name: 'b' })], allFields),
    ).rejects.toThrow('disk full');
    expect(await db.contacts.count()).toBe(0);
  });

  it('writes nothing at all without a station to name as the author', async () => {
    openFreshDatabase(); // no station: the write cannot be attributed, so it is refused
    await expect(applyContactImport('x.csv', [row(2, { name: 'a' })], allFields)).rejects.toThrow();
    const { getDatabase } = await import('../../../src/db/instance.ts');
    expect(await getDatabase().contacts.count()).toBe(0);
    expect(await getDatabase().audit.count()).toBe(0);
  });

  it('finds its own export unchanged when it is imported again', async () => {
    const saved = [
      await saveRecord(
        'contact',
        contact({
          name: 'ヘルプデスク',
          organization: '架空システムズ株式会社',
          phones: [
            { label: '代表', number: '0120-000-111' },
            { label: '', number: '=1+1' },
          ],
          businessHours: {
            ranges: [
              { days: [1, 2, 3, 4, 5], start: '08:30', end: '17:15', overnight: false },
              { days: [6], start: '22:00', end: '06:00', overnight: true },
            ],
            closedOnHolidays: true,
          },
          afterHoursPhone: '090-0000-1111',
          contractNumber: 'KS-2024-00123',
          escalationOrder: 2,
          notes: '改行\nあり',
        }),
      ),
      await saveRecord(
        'contact',
        contact({ name: '佐藤 一郎', organization: '架空市', kind: 'itSection' }),
      ),
    ];
    const text = contactsToCsv(saved.map((c) => pickData(c)));
    const decoded = decodeCsvBytes(csvBytes(text));
    const parsed = decoded.ok ? parseCsv(decoded.text) : null;
    if (!parsed?.ok) throw new Error('export did not parse');
    const mapped = applyContactMapping(parsed.rows, suggestContactMapping(parsed.header));
    if (!mapped.ok) throw new Error('export did not map');
    const rows = mapped.rows.map((r) => ({ line: r.line, data: r.data! }));
    const plan = await previewContactImport(rows, allFields);
    expect(plan.counts).toEqual({ new: 0, updated: 0, unchanged: 2 });
  });
});
