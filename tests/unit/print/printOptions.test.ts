import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BLANK_SHEETS,
  incidentSheetPath,
  isAutoPrint,
  outageKitPath,
  parseSheetCount,
} from '../../../src/print/printOptions.ts';

const q = (text: string) => new URLSearchParams(text);

describe('parseSheetCount', () => {
  it('prints 5 blank sheets when nobody asks (decision 11)', () => {
    expect(DEFAULT_BLANK_SHEETS).toBe(5);
    expect(parseSheetCount(q(''))).toBe(5);
  });

  it.each([
    ['sheets=0', 0],
    ['sheets=3', 3],
    ['sheets=20', 20],
    ['sheets=21', 20],
    ['sheets=999', 20],
    ['sheets=-1', 0],
    ['sheets= 7 ', 7],
  ])('reads %s as %i', (query, count) => {
    expect(parseSheetCount(q(query))).toBe(count);
  });

  it.each(['sheets=', 'sheets=abc', 'sheets=2.5', 'sheets=1e3'])(
    'falls back to the default for %s',
    (query) => {
      expect(parseSheetCount(q(query))).toBe(5);
    },
  );

  it('keeps at least `min` (the blank-sheet route prints one at least)', () => {
    expect(parseSheetCount(q('sheets=0'), 1)).toBe(1);
    expect(parseSheetCount(q(''), 1)).toBe(5);
  });
});

describe('isAutoPrint', () => {
  it('prints by itself unless the link says no', () => {
    expect(isAutoPrint(q(''))).toBe(true);
    expect(isAutoPrint(q('auto=1'))).toBe(true);
    for (const no of ['auto=0', 'auto=false', 'auto=NO', 'auto=off'])
      expect(isAutoPrint(q(no))).toBe(false);
  });
});

describe('print paths', () => {
  it('names the system, and the procedure chosen on screen', () => {
    expect(outageKitPath('abc')).toBe('/print/outage-kit/abc');
    expect(outageKitPath('abc', { procedureId: 'p1', sheets: 3 })).toBe(
      '/print/outage-kit/abc?procedure=p1&sheets=3',
    );
    expect(outageKitPath('a/b', { procedureId: undefined })).toBe('/print/outage-kit/a%2Fb');
    expect(incidentSheetPath()).toBe('/print/incident-sheet');
    expect(incidentSheetPath(2)).toBe('/print/incident-sheet?sheets=2');
  });
});
