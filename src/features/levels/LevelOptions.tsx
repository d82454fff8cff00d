import type { RecordOf } from '../../domain/recordSchemas.ts';

/** The levels as `<option>`s, lowest first (「レベル2 重大」): for every level picker. */
export function LevelOptions({
  levels,
}: {
  levels: readonly RecordOf<'incidentLevel'>[] | undefined;
}) {
  return [...(levels ?? [])]
    .sort((a, b) => a.level - b.level)
    .map((l) => (
      <option key={l.id} value={String(l.level)}>
        レベル{l.level} {l.name}
      </option>
    ));
}
