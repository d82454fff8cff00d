import { describe, expect, it } from 'vitest';
import { emptyIncident } from '../../../src/domain/incident.ts';
import {
  buildReportMemo,
  NOT_RECORDED,
  reportMemoCallSummary,
  reportMemoText,
} from '../../../src/domain/reportMemo.ts';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const full = emptyIncident({
  title: '転入届が登録できない',
  systemId: id(1),
  occurredAt: '2026-11-30T00:05:00.000Z',
  department: '市民課',
  reporterName: '山田',
  terminal: '窓口PC-01',
  screen: '転入届入力',
  operation: '転入届を入力して「登録」を押した',
  symptoms: '画面が固まった',
  errorMessage: 'E-1234 サーバーに接続できません',
  scope: 'several',
  othersAffected: '隣の窓口PC-02も同じ',
  attempts: [
    { id: id(2), action: '再起動', result: '直らなかった' },
    { id: id(3), action: '別の端末で試した', result: '' },
  ],
  level: 2,
});

const desk = {
  name: 'サポートセンター',
  organization: '架空システムズ',
  contractNumber: 'K-0001',
  phone: '03-0000-0000',
};

describe('報告メモ', () => {
  it("gives the six facts in the seed's order", () => {
    const memo = buildReportMemo({
      incident: full,
      systemName: '住民記録',
      levelName: '業務に支障',
      desk,
    });
    expect(memo.facts.map((f) => f.label)).toEqual([
      'いつ',
      'どこで',
      'どのような操作',
      'どのような症状',
      '他の職員への影響',
      '試したこと',
    ]);
    expect(memo.level).toBe('レベル2 業務に支障');
    expect(memo.desk).toEqual({
      name: '架空システムズ サポートセンター',
      contractNumber: 'K-0001',
      phone: '03-0000-0000',
    });
    expect(memo.facts.every((f) => !f.isMissing)).toBe(true);
  });

  it('writes the text in the same order, with the exact message and Tokyo time', () => {
    const text = reportMemoText(
      buildReportMemo({ incident: full, systemName: '住民記録', levelName: null, desk }),
    );
    const order = ['1. いつ', '2. どこで', '3. どのような操作', '4. どのような症状'];
    const positions = [...order, '5. 他の職員への影響', '6. 試したこと'].map((s) =>
      text.indexOf(s),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('1. いつ: 令和8年11月30日（2026年） 9:05');
    expect(text).toContain('表示されたメッセージ: 「E-1234 サーバーに接続できません」');
    expect(text).toContain('契約番号・お客様番号: K-0001');
    expect(text).toContain('再起動 → 直らなかった');
    expect(text).toContain('別の端末で試した → （結果未記入）');
    expect(text).toContain('障害レベル: レベル2');
  });

  it('marks every empty fact and part as 未記入', () => {
    const memo = buildReportMemo({
      incident: emptyIncident({ systemId: id(1) }),
      systemName: '',
      levelName: null,
      desk: { ...desk, contractNumber: ' ' },
    });
    const byKey = Object.fromEntries(memo.facts.map((f) => [f.key, f]));
    expect(byKey.when!.isMissing).toBe(true);
    expect(byKey.where!.lines.map((l) => l.value)).toEqual([
      NOT_RECORDED,
      NOT_RECORDED,
      NOT_RECORDED,
    ]);
    expect(byKey.where!.isMissing).toBe(true);
    expect(byKey.operation!.lines[0]!.value).toBe(NOT_RECORDED);
    expect(byKey.symptom!.isMissing).toBe(true);
    expect(byKey.attempts!.lines).toEqual([{ value: NOT_RECORDED, isMissing: true }]);
    // The scope always has a value, so 他の職員への影響 is never wholly empty.
    expect(byKey.others!.isMissing).toBe(false);
    expect(byKey.others!.lines[1]!.isMissing).toBe(true);
    expect(memo.level).toBe(NOT_RECORDED);
    expect(memo.system).toBe(NOT_RECORDED);
    expect(memo.desk!.contractNumber).toBe(NOT_RECORDED);
    const text = reportMemoText(memo);
    expect(text).toContain('3. どのような操作: 未記入');
    expect(text).toContain('6. 試したこと: 未記入');
  });

  it('a part of a fact alone may be missing', () => {
    const memo = buildReportMemo({
      incident: { ...full, screen: '', errorMessage: '' },
      systemName: '住民記録',
      levelName: null,
      desk: null,
    });
    const where = memo.facts.find((f) => f.key === 'where')!;
    expect(where.isMissing).toBe(false);
    expect(where.lines[2]).toEqual({ label: '画面', value: NOT_RECORDED, isMissing: true });
    const symptom = memo.facts.find((f) => f.key === 'symptom')!;
    expect(symptom.lines[1]!.value).toBe(NOT_RECORDED);
    expect(reportMemoText(memo)).not.toContain('契約番号');
  });

  it('names the ticked facts in memo order for the call log', () => {
    expect(reportMemoCallSummary(new Set(['attempts', 'when']))).toBe(
      '報告メモで報告（伝えた項目: いつ・試したこと）',
    );
    expect(
      reportMemoCallSummary(
        new Set(['when', 'where', 'operation', 'symptom', 'others', 'attempts']),
      ),
    ).toContain('をすべて伝えた');
    expect(reportMemoCallSummary(new Set())).toBe('報告メモで報告');
  });
});
