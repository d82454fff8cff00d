import { useSearchParams } from 'react-router';
import { MAX_BLANK_SHEETS } from './printOptions.ts';

/**
 * How many blank 障害記録票 to print: a choice on the toolbar, never a question in the way (the
 * default prints at once). Kept in the link (`?sheets=N`), so 戻る and reload keep it.
 */
export function SheetCountControl({ value, min }: { value: number; min: number }) {
  const [, setSearch] = useSearchParams();
  const choices = Array.from({ length: MAX_BLANK_SHEETS - min + 1 }, (_, i) => min + i);
  return (
    <label className="print-sheet-count">
      白紙の障害記録票
      <select
        value={value}
        onChange={(event) =>
          setSearch(
            (previous) => {
              const next = new URLSearchParams(previous);
              next.set('sheets', event.target.value);
              return next;
            },
            { replace: true },
          )
        }
      >
        {choices.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      枚
    </label>
  );
}
