import { describe, expect, it } from 'vitest';
import { buildDemoData } from '../../../src/demo/demoMunicipality.ts';
import { recordFieldLabels, recordSchemas } from '../../../src/domain/recordSchemas.ts';
import { recordTypes } from '../../../src/domain/recordTypes.ts';
import { emptyIncident, incidentDataSchema } from '../../../src/domain/incident.ts';
import { emptySystem, systemDataSchema, formatRto } from '../../../src/domain/system.ts';
import { stationFormSchema } from '../../../src/domain/station.ts';
import { createId, idSchema } from '../../../src/domain/ids.ts';

const STATION_ID = '00000000-0000-4000-8000-000000000001';
const validIncident = () =>
  emptyIncident({
    title: '印刷できない',
    systemId: createId(),
    occurredAt: '2026-11-20T01:00:00.000Z',
  });

function messagesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('record schemas', () => {
  it('accept every record of the demo municipality', () => {
    const demo = buildDemoData(STATION_ID);
    for (const type of recordTypes) {
      for (const record of demo[type]) {
        const result = recordSchemas[type].record.safeParse(record);
        expect(result.success, `${type} ${JSON.stringify(result.error?.issues)}`).toBe(true);
      }
    }
    expect(demo.incident).toHaveLength(30);
  });

  it('name the missing required incident fields in Japanese', () => {
    const messages = messagesOf(incidentDataSchema.safeParse(emptyIncident()));
    expect(messages).toMatchObject({
      title: '件名を入力してください',
      systemId: 'システムを選んでください',
      occurredAt: '発生日時を入力してください',
    });
  });

  it('refuse a detection time before the occurrence', () => {
    const result = incidentDataSchema.safeParse({
      ...validIncident(),
      detectedAt: '2026-11-20T00:59:00.000Z',
    });
    expect(messagesOf(result)).toEqual({ detectedAt: '検知日時が発生日時より前になっています' });
  });

  it('refuse over-long text with the limit in the message', () => {
    const result = incidentDataSchema.safeParse({ ...validIncident(), title: 'あ'.repeat(201) });
    expect(messagesOf(result).title).toBe('件名は200文字以内で入力してください');
  });

  it('refuse an invalid system reference', () => {
    const result = incidentDataSchema.safeParse({ ...validIncident(), systemId: 'not-an-id' });
    expect(messagesOf(result).systemId).toBe('IDの形式が正しくありません');
  });

  it('refuse unknown fields', () => {
    const result = incidentDataSchema.safeParse({ ...validIncident(), extra: 1 });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('trim text and report an impossible target recovery time', () => {
    expect(systemDataSchema.parse({ ...emptySystem(), name: '  税務  ' }).name).toBe('税務');
    const result = systemDataSchema.safeParse({
      ...emptySystem(),
      name: 'A',
      rtoHours: Number.NaN,
    });
    expect(messagesOf(result).rtoHours).toBe('目標復旧時間は数字で入力してください');
    expect(formatRto(48)).toBe('2日');
    expect(formatRto(3)).toBe('3時間');
    expect(formatRto(null)).toBe('未設定');
  });

  it('require the station fields', () => {
    const messages = messagesOf(
      stationFormSchema.safeParse({
        municipality: '',
        department: ' ',
        terminal: '',
        staffName: '',
      }),
    );
    expect(messages).toEqual({
      municipality: '自治体名を入力してください',
      department: '部署を入力してください',
      role: '端末の役割を選んでください',
      terminal: '端末名を入力してください',
    });
  });
});

describe('createId', () => {
  it('makes version-4 UUIDs without crypto.randomUUID', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 1000 }, createId));
      expect(ids.size).toBe(1000);
      for (const id of ids) expect(idSchema.safeParse(id).success).toBe(true);
      expect([...ids][0]![14]).toBe('4');
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});

describe('field labels', () => {
  it('name every field of every record type, and nothing else', () => {
    for (const type of recordTypes) {
      const fields = Object.keys(recordSchemas[type].shape).sort();
      expect(Object.keys(recordFieldLabels[type]).sort(), type).toEqual(fields);
    }
  });

  it('are what the schema messages say', () => {
    const result = recordSchemas.contact.data.safeParse({ name: '' });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((i) => i.message);
    expect(messages).toContain(`${recordFieldLabels.contact.name}を入力してください`);
  });
});
