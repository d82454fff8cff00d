import type { ProcedureData } from '../src/domain/procedure.ts';
import { buildDemoData, DEMO_AUTHOR_ID } from '../src/demo/demoMunicipality.ts';

// Procedures for tests: a small valid one to patch, and steps by the dozen to make paper break
// across pages. Each long step is marked `S<nn>A … S<nn>Z`, so a test can see that it starts and
// ends on the same page.

/** A valid procedure of one step, changed by `patch`. */
export function procedureData(patch: Partial<ProcedureData> = {}): ProcedureData {
  return {
    title: '税務システム停止時の窓口対応',
    systemIds: [],
    trigger: '',
    levels: [],
    steps: [
      { id: '00000000-0000-4000-8000-000000000001', phase: 'initial', role: '', text: '報告する' },
    ],
    residentGuidance: '',
    paperForms: [],
    afterRecovery: '',
    owner: '',
    lastReviewedOn: null,
    version: '',
    agreements: [],
    ...patch,
  };
}

const phases = ['initial', 'fallback', 'recovery'] as const;

/** `count` (≤ 99) long steps spread evenly over 初動, 代替 and 復旧, each two lines on A4. */
export function longSteps(count: number): ProcedureData['steps'] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(2, '0');
    return {
      id: `00000000-0000-4000-8000-0000000002${n}`,
      phase: phases[Math.floor((i * 3) / count)]!,
      role: `担当${n}`,
      text: `S${n}A 紙の受付簿に受付時刻・氏名・手続の種類を記入し、整理番号を手書きで渡してから、待合の住民に遅延の見込みを案内し、係長に件数を報告する。 S${n}Z`,
    };
  });
}

/** The demo municipality's master data, as the binder takes it. */
export function demoBinderRecords() {
  const demo = buildDemoData(DEMO_AUTHOR_ID, new Date('2026-11-29T00:00:00Z'));
  return {
    demo,
    records: {
      systems: demo.system,
      procedures: demo.procedure,
      contacts: demo.contact,
      levels: demo.incidentLevel,
    },
  };
}
