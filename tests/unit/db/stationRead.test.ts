import { describe, expect, it } from 'vitest';
import { isStoredStation } from '../../../src/db/stationRead.ts';
import { stationSchema } from '../../../src/domain/station.ts';

// The first screen reads the station without zod; it must not call a value a station that the
// schema (which every write goes through) would refuse for its shape.
const station = {
  id: '00000000-0000-4000-8000-000000000001',
  municipality: '架空市',
  department: '市民課',
  terminal: '窓口PC-01',
  staffName: '',
  role: 'department',
};

describe('isStoredStation', () => {
  it.each([
    ['a station', station, true],
    ['a station without a role (before version 3)', { ...station, role: undefined }, false],
    ['a station with a staff list', { ...station, staffNames: ['山田 花子', '佐藤 一郎'] }, true],
    ['a staff list that is not a list', { ...station, staffNames: '山田 花子' }, false],
    ['a staff list holding a number', { ...station, staffNames: [1] }, false],
    ['an unknown role', { ...station, role: 'admin' }, false],
    ['a missing name', { ...station, municipality: undefined }, false],
    ['a number for a name', { ...station, terminal: 1 }, false],
    ['nothing', undefined, false],
    ['a string', 'station', false],
  ])('%s: %s', (_name, value, expected) => {
    expect(isStoredStation(value)).toBe(expected);
    expect(stationSchema.safeParse(value).success).toBe(expected);
  });
});
