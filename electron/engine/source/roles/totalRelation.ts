/**
 * Shared by the schema (roles/totalColumn.ts: a total is the main measure) and the health checks
 * (a total that is not the sum of its parts).
 *
 * Finds a total column and the columns it sums, from the data rather than the names: among the
 * columns that may be counts, a column T with parts P such that sum(P) = T on most of the first
 * rows seen. P starts as every other count column that never exceeds T (a part cannot be larger
 * than its total); if that fails, each one-column-smaller set is tried, so one stray count (say
 * pedestrians beside vehicle classes) does not hide the relation. Decided once, after a bounded
 * number of rows; later rows are checked against it.
 */

/** Share of learning rows on which the relation must hold exactly. */
const MIN_AGREEMENT = 0.9;
/** The rounding a sum of whole numbers is always allowed, and the share of the total it may grow to with many parts. */
const ROUNDING_FLOOR = 1.5;
const ROUNDING_SHARE = 0.02;
/** Share of learning rows on which a part may exceed the total (a faulty row or two). */
const MAX_PART_ABOVE = 0.05;

export interface TotalRelation {
  /** Indexes into the learning row (the count columns' order). */
  total: number;
  parts: number[];
}

/**
 * Sum equals total up to rounding: averaged flows within 1 %; whole counts within what rounding
 * the total and each of its parts on their own can add up to, (parts + 1) / 2, so a total of 81
 * beside parts of 57 and 23 (Berlin's hourly figures, each rounded) is no mismatch, 2 off is.
 */
export function sumMatches(total: number, sum: number, parts: number): boolean {
  // Rounding to whole numbers is only allowed for where the numbers are whole: 0.2 + 0.4 is not 1.
  // However many parts, rounding cannot excuse more than a small share of a small total: thirty
  // mostly-zero speed bins would otherwise "sum" to any count within 15.
  const rounding = Number.isInteger(total) && Number.isInteger(sum) ? Math.min((parts + 1) / 2, Math.max(ROUNDING_FLOOR, ROUNDING_SHARE * Math.abs(total))) : 0;
  return Math.abs(total - sum) <= Math.max(rounding, 0.01 * Math.abs(total));
}

/**
 * The share of rows on which the parts sum to the total, counting only rows where something was
 * counted: 0 = 0 + 0 + … says nothing (a truck class and a few speed bins, empty most hours, would
 * otherwise "add up"), and a relation seen on fewer than half the rows is none. Also the share on
 * which the sum is exact: of two sets that both agree within rounding, the exact one is the
 * relation (Great Britain's `all_motor_vehicles` is every motor class, not pedal cycles too, whose
 * one to three bicycles an hour hid inside the rounding allowance).
 */
function agreement(rows: readonly (readonly number[])[], total: number, parts: readonly number[]): { share: number; exact: number } {
  let agree = 0;
  let exact = 0;
  let counted = 0;
  for (const row of rows) {
    let sum = 0;
    for (const p of parts) sum += row[p] as number;
    const value = row[total] as number;
    if (value === 0 && sum === 0) continue;
    counted++;
    if (sumMatches(value, sum, parts.length)) agree++;
    if (Math.abs(value - sum) < 1e-9 * Math.max(1, Math.abs(value))) exact++;
  }
  return counted < rows.length / 2 ? { share: 0, exact: 0 } : { share: agree / counted, exact: exact / counted };
}

/** The best total/parts relation in these rows (each row: the count columns' values), or null. */
export function findTotalRelation(rows: readonly (readonly number[])[]): TotalRelation | null {
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width < 3) return null;
  let best: (TotalRelation & { score: number; exact: number }) | null = null;
  for (let t = 0; t < width; t++) {
    // A column that never changes (always zero, or a detector count of 2 on every row) is no
    // evidence: its one value matches a sum of small ids or codes by chance, within rounding.
    if (rows.every((row) => row[t] === rows[0]?.[t])) continue;
    const parts: number[] = [];
    for (let p = 0; p < width; p++) {
      if (p === t) continue;
      const above = rows.filter((row) => (row[p] as number) > (row[t] as number)).length;
      if (above <= MAX_PART_ABOVE * rows.length) parts.push(p);
    }
    const candidates = [parts, ...(parts.length >= 3 ? parts.map((_, i) => parts.filter((_, k) => k !== i)) : [])];
    for (const candidate of candidates) {
      if (candidate.length < 2) continue;
      const { share: score, exact } = agreement(rows, t, candidate);
      const better =
        best === null ||
        score > best.score ||
        (score === best.score && (exact > best.exact || (exact === best.exact && candidate.length > best.parts.length)));
      if (score >= MIN_AGREEMENT && better) best = { total: t, parts: candidate, score, exact };
    }
  }
  return best === null ? null : exactest(rows, best);
}

/**
 * The relation with any part left out whose leaving out makes the sum exact on more rows (a small
 * count, such as pedal cycles beside the motor classes, that the rounding allowance let in), one
 * part at a time while that helps.
 */
function exactest(rows: readonly (readonly number[])[], found: TotalRelation & { exact: number }): TotalRelation {
  let { parts, exact } = found;
  for (let improved = true; improved && parts.length > 2; ) {
    improved = false;
    for (const part of parts) {
      const fewer = parts.filter((p) => p !== part);
      const result = agreement(rows, found.total, fewer);
      if (result.share >= MIN_AGREEMENT && result.exact > exact) {
        parts = fewer;
        exact = result.exact;
        improved = true;
        break;
      }
    }
  }
  return { total: found.total, parts };
}
