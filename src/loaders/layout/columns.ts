import { mapArray } from "../../util/arrays.js";
/**
 * Places a line's amounts in its table's columns when some cells are blank: the amounts keep their order,
 * and each goes to the column whose expected position (offset from the first column's right edge) is
 * nearest, the total distance being as small as it can be (dynamic programming over columns).
 * `positions[i]` is amount i's offset from the line's first amount; `offsets[j]` column j's expected one.
 * The first amount may stand in any column: the positions are shifted so that the best start is chosen too.
 */
export function assignColumns(positions: number[], offsets: number[]): number[] {
  const n = positions.length;
  const m = offsets.length;
  if (n === 0) return [];
  if (n >= m) return mapArray(positions, (_, i) => Math.min(i, m - 1));
  let best: { cost: number; cols: number[] } | null = null;
  // The first amount's column fixes the shift: try each.
  for (let start = 0; start + n <= m; start++) {
    const shift = offsets[start];
    const cost: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(Infinity));
    const from: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(-1));
    cost[0][start] = 0;
    for (let i = 1; i < n; i++)
      for (let j = start + i; j < m; j++) {
        const here = Math.abs(positions[i] + shift - offsets[j]);
        for (let k = start + i - 1; k < j; k++) {
          const c = cost[i - 1][k] + here;
          if (c < cost[i][j]) {
            cost[i][j] = c;
            from[i][j] = k;
          }
        }
      }
    let end = -1;
    for (let j = 0; j < m; j++) if (end < 0 || cost[n - 1][j] < cost[n - 1][end]) end = j;
    if (!Number.isFinite(cost[n - 1][end])) continue;
    // Starting later than column 0 must be earned: a blank first column is rarer than a blank later one.
    const total = cost[n - 1][end] + (start > 0 ? Math.abs(offsets[start] - offsets[0]) / 4 : 0);
    if (!best || total < best.cost) {
      const cols = new Array<number>(n);
      let j = end;
      for (let i = n - 1; i >= 0; i--) {
        cols[i] = j;
        j = from[i][j];
      }
      best = { cost: total, cols };
    }
  }
  return best ? best.cols : mapArray(positions, (_, i) => i);
}

/** The most placements tried for a row of a table wider than 16 columns: C(m, n) grows fast. */
const MAX_PLACEMENTS = 4_096;

/** C(m, n), or Infinity once it passes MAX_PLACEMENTS. */
function ways(n: number, m: number): number {
  let c = 1;
  for (let i = 1; i <= n; i++) {
    c = (c * (m - n + i)) / i;
    if (c > MAX_PLACEMENTS) return Infinity;
  }
  return c;
}

/**
 * Every order-keeping way to put n amounts in m columns (the first amount in any column), for the
 * identity-guided choice below: C(m, n) ways. In a table of more than 16 columns, none when they are more
 * than MAX_PLACEMENTS (a row of 8 of 17 columns: 24,310); a row of a few figures is placed by its identities
 * too (杭州's 收入预算总表: 17 columns, a row of 4, was placed by position alone, one column off at another spacing).
 */
export function placements(n: number, m: number): number[][] {
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (i: number, from: number) => {
    if (i === n) {
      out.push([...cur]);
      return;
    }
    for (let j = from; j <= m - (n - i); j++) {
      cur.push(j);
      rec(i + 1, j + 1);
      cur.pop();
    }
  };
  if (n <= m && (m <= 16 || ways(n, m) <= MAX_PLACEMENTS)) rec(0, 0);
  return out;
}

/** How far a placement's columns are from where the amounts stand (offsets from the first amount). */
export function placementCost(positions: number[], offsets: number[] | null, cols: number[]): number {
  if (!offsets) return cols.reduce((s, c, i) => s + Math.abs(c - i), 0);
  const shift = offsets[cols[0]];
  let cost = cols[0] > 0 ? Math.abs(offsets[cols[0]] - offsets[0]) / 4 : 0;
  for (let i = 1; i < cols.length; i++) cost += Math.abs(positions[i] + shift - offsets[cols[i]]);
  return cost;
}
