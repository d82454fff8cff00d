// Cell suppression (秘匿) for the open-data statistics (PRODUCT.md «Clarifications»: suppress cells
// under the threshold and enough others that no suppressed cell can be recomputed from totals).
//
// The unit is a "line": cells whose sum the reader knows (a month's total, published or found by
// adding up another table). Zeros are published (a zero points at nobody). For one line:
// 1. primary suppression: every cell from 1 to threshold − 1;
// 2. secondary suppression: while some hidden cell could still be worked out, hide the smallest
//    published non-zero cell as well (least information lost);
// 3. when nothing is left to hide and a cell can still be worked out, the caller hides the whole
//    line, zeros included.
// "Worked out" assumes the worst reader: one who knows this method, the line's sum, and which
// hidden cells are primary (1 … threshold − 1) and which secondary (threshold or more, and no more
// than the smallest cell still published, since the smallest is taken first). With one sum and
// integer bounds, each hidden cell can take every value between the bounds computed here, so a
// cell is exposed exactly when its lowest and highest possible values meet.
// Pure: no DOM, no storage.

interface Bounds {
  lo: number;
  hi: number;
}

/** The bounds a reader knows for each cell of a line, given which are hidden. */
function readerBounds(
  counts: readonly number[],
  hidden: readonly boolean[],
  threshold: number,
): (Bounds | null)[] {
  const hiddenSum = counts.reduce((sum, c, i) => sum + (hidden[i] ? c : 0), 0);
  const published = counts.filter((c, i) => !hidden[i] && c > 0);
  const cap = published.length ? Math.min(...published) : hiddenSum;
  return counts.map((count, i) => {
    if (!hidden[i]) return null;
    return count < threshold ? { lo: 1, hi: threshold - 1 } : { lo: threshold, hi: cap };
  });
}

/** Indexes of hidden cells a reader could recompute from the line's sum. */
export function exposedCells(
  counts: readonly number[],
  hidden: readonly boolean[],
  threshold: number,
): number[] {
  const bounds = readerBounds(counts, hidden, threshold);
  const hiddenSum = counts.reduce((sum, c, i) => sum + (hidden[i] ? c : 0), 0);
  const known = bounds.flatMap((b) => (b ? [b] : []));
  const loSum = known.reduce((s, b) => s + b.lo, 0);
  const hiSum = known.reduce((s, b) => s + b.hi, 0);
  const exposed: number[] = [];
  bounds.forEach((b, i) => {
    if (!b) return;
    // The others take between (loSum − b.lo) and (hiSum − b.hi) of the hidden sum.
    const lowest = Math.max(b.lo, hiddenSum - (hiSum - b.hi));
    const highest = Math.min(b.hi, hiddenSum - (loSum - b.lo));
    if (lowest >= highest) exposed.push(i);
  });
  return exposed;
}

/**
 * Which cells of one line to hide so that none can be recomputed from its sum; null when even
 * hiding every non-zero cell is not enough (the caller then hides the whole line).
 */
export function protectLine(counts: readonly number[], threshold: number): boolean[] | null {
  const hidden = counts.map((c) => c > 0 && c < threshold);
  while (exposedCells(counts, hidden, threshold).length > 0) {
    let next = -1;
    counts.forEach((c, i) => {
      if (!hidden[i] && c > 0 && (next < 0 || c < counts[next]!)) next = i;
    });
    if (next < 0) return null;
    hidden[next] = true;
  }
  return hidden;
}
