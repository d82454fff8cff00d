/**
 * The compact holiday table (src/domain/holidayTable.ts): one string per year, "YYYY:" followed by
 * six characters a day — MMDD and the index of its name, two digits of base 36. Pure, shared by the generator
 * script and the app.
 */

export interface Holiday {
  /** 'YYYY-MM-DD'. */
  date: string;
  name: string;
}

export function encodeHolidayTable(holidays: readonly Holiday[]): {
  names: string[];
  years: string[];
} {
  const names: string[] = [];
  const byYear = new Map<string, string>();
  for (const { date, name } of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    if (index >= 36 * 36) throw new Error('more than 1296 holiday names: widen the format');
    const year = date.slice(0, 4);
    byYear.set(
      year,
      `${byYear.get(year) ?? ''}${date.slice(5, 7)}${date.slice(8, 10)}${index.toString(36).padStart(2, '0')}`,
    );
  }
  return { names, years: [...byYear].map(([year, days]) => `${year}:${days}`) };
}

export function decodeHolidayTable(
  names: readonly string[],
  years: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of years) {
    const year = line.slice(0, 4);
    for (let i = 5; i + 6 <= line.length; i += 6)
      out.set(
        `${year}-${line.slice(i, i + 2)}-${line.slice(i + 2, i + 4)}`,
        names[parseInt(line.slice(i + 4, i + 6), 36)]!,
      );
  }
  return out;
}
