import { describe, expect, it } from 'vitest';
import { emptyIncident, incidentFieldLabels as l } from '../../../src/domain/incident.ts';
import {
  groupByDay,
  levelText,
  recoveredAt,
  reportFieldGroups,
  reportTimeline,
} from '../../../src/print/incidentReportContent.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('reportFieldGroups', () => {
  const incident = emptyIncident({
    title: '住民票の写しが印刷できない',
    systemId: id(1),
    occurredAt: '2026-11-29T00:05:00Z', // 9:05 in Tokyo
    status: 'resolved',
    level: 2,
    scope: 'several',
    errorMessage: 'E-PRT-0042 帳票サーバに接続できません',
    manualUpdated: true,
    manualUpdateNote: '窓口マニュアル第4章',
    timeline: [
      { id: id(10), at: '2026-11-29T00:06:00Z', status: 'occurred', text: '作成' },
      { id: id(11), at: '2026-11-29T01:30:00Z', status: 'resolved', text: '解決' },
    ],
  });
  const names = { system: '住民記録システム', levelName: '中程度', procedureTitle: null };

  it('prints every field in the order of the incident form, under its label', () => {
    const groups = reportFieldGroups(incident, names);
    expect(groups.summary.fields.map((f) => f.label)).toEqual([
      l.title,
      l.systemId,
      l.occurredAt,
      l.detectedAt,
      l.status,
      '復旧日時',
      l.level,
      l.scope,
    ]);
    expect(groups.details.fields.map((f) => f.label)).toEqual([
      l.reporterName,
      l.department,
      l.terminal,
      l.screen,
      l.operation,
      l.symptoms,
      l.errorMessage,
      l.othersAffected,
      l.residentImpact,
    ]);
    expect(groups.followUp.fields.map((f) => f.label)).toEqual([
      l.procedureId,
      l.cause,
      l.countermeasure,
      l.recurrencePrevention,
      l.manualUpdated,
    ]);
  });

  it('gives dates in 和暦 on the Tokyo clock, names for ids and a dash for what is empty', () => {
    const values = Object.fromEntries(
      Object.values(reportFieldGroups(incident, names))
        .flatMap((g) => g.fields)
        .map((f) => [f.key, f.value]),
    );
    expect(values).toMatchObject({
      systemId: '住民記録システム',
      occurredAt: '令和8年11月29日（2026年） 9:05',
      detectedAt: '—',
      status: '解決',
      recoveredAt: '令和8年11月29日（2026年） 10:30',
      level: 'レベル2（中程度）',
      scope: '複数の端末',
      reporterName: '—',
      errorMessage: 'E-PRT-0042 帳票サーバに接続できません',
      procedureId: 'なし',
      manualUpdated: '更新済み（窓口マニュアル第4章）',
    });
  });
});

describe('recoveredAt and levelText', () => {
  it('takes the first time 暫定復旧 or a later status was reached', () => {
    const timeline = [
      { id: id(1), at: '2026-11-29T03:00:00Z', status: 'resolved' as const, text: '' },
      { id: id(2), at: '2026-11-29T02:00:00Z', status: 'provisional' as const, text: '' },
      { id: id(3), at: '2026-11-29T01:00:00Z', status: 'inProgress' as const, text: '' },
    ];
    expect(recoveredAt({ timeline })).toBe('2026-11-29T02:00:00Z');
    expect(recoveredAt({ timeline: timeline.slice(2) })).toBeNull();
  });

  it('names the level when it is known here', () => {
    expect(levelText(3, '重大')).toBe('レベル3（重大）');
    expect(levelText(3, null)).toBe('レベル3');
    expect(levelText(null, null)).toBe('未設定');
  });
});

describe('reportTimeline', () => {
  it('merges status changes, calls and notes, oldest first, each call once', () => {
    const events = reportTimeline({
      timeline: [
        { id: id(1), at: '2026-11-29T00:10:00Z', status: 'occurred', text: '障害記録を作成' },
        // Logged in one click on the outage desk: the same id in both lists.
        {
          id: id(2),
          at: '2026-11-29T00:20:00Z',
          status: null,
          text: 'ヘルプデスクに電話（0120-000-111）: 調査中',
        },
        { id: id(3), at: '2026-11-29T00:40:00+09:00', status: null, text: '紙での受付に切替' },
      ],
      contactsMade: [
        {
          id: id(2),
          at: '2026-11-29T00:20:00Z',
          who: 'ヘルプデスク',
          contactId: null,
          method: 'phone',
          summary: '調査中',
        },
        // Typed into the form later, with no 経過 entry of its own.
        {
          id: id(4),
          at: '2026-11-29T00:15:00Z',
          who: '佐藤 係長',
          contactId: null,
          method: 'visit',
          summary: '状況を報告',
        },
      ],
    });
    expect(events.map((e) => [e.kind, e.text])).toEqual([
      ['note', '紙での受付に切替'], // 2026-11-28T15:40Z: the offset counts, not the text
      ['status', '障害記録を作成'],
      ['call', '佐藤 係長（対面）: 状況を報告'],
      ['call', 'ヘルプデスクに電話（0120-000-111）: 調査中'],
    ]);
  });

  it('names who made each call (incident 1.3), as the record page does', () => {
    const call = { contactId: null, method: 'phone', summary: '調査中' } as const;
    const events = reportTimeline({
      timeline: [
        { id: id(1), at: '2026-11-29T00:20:00Z', status: null, text: 'ヘルプデスクに電話: 調査中' },
        { id: id(5), at: '2026-11-29T00:50:00Z', status: null, text: 'メモ' },
      ],
      contactsMade: [
        { ...call, id: id(1), at: '2026-11-29T00:20:00Z', who: 'ヘルプデスク', by: '山田 花子' },
        { ...call, id: id(2), at: '2026-11-29T00:30:00Z', who: '課長', by: '  ' },
        { ...call, id: id(3), at: '2026-11-29T00:40:00Z', who: '業者', by: '田中 翔' },
      ],
    });
    expect(events.map((e) => e.text)).toEqual([
      'ヘルプデスクに電話: 調査中（山田 花子）',
      '課長（電話）: 調査中',
      '業者（電話）（田中 翔）: 調査中',
      'メモ',
    ]);
  });

  it('groups by Tokyo day with the clock time of each event', () => {
    const days = groupByDay([
      { id: id(1), at: '2026-11-28T14:59:00Z', kind: 'note', text: 'a' },
      { id: id(2), at: '2026-11-28T15:00:00Z', kind: 'note', text: 'b' },
      { id: id(3), at: '2026-11-29T00:05:00Z', kind: 'note', text: 'c' },
    ]);
    expect(days.map((d) => [d.day, d.events.map((e) => e.time)])).toEqual([
      ['令和8年11月28日（2026年）', ['23:59']],
      ['令和8年11月29日（2026年）', ['0:00', '9:05']],
    ]);
  });
});
