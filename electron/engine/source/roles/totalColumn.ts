/**
 * A total found in the data: a count column equal, on nearly every sampled row, to the sum of two
 * or more other count columns (Fremont Bridge's sidewalks total beside its east and west sidewalk
 * counts, Berlin's all-vehicles count beside cars and trucks). Its name may say nothing (a place
 * name), while its parts' names say "cyclist": without this the main measure would be one part.
 * The relation is the health check's (totalRelation.ts), looked for among the columns whose names
 * allow a count, so weather, speed, quality shares and calendar numbers can never be a part.
 */
import { isMissingValue } from '../missingValue';
import { parseDecimalCommaNumber } from '../time/decimalComma';
import { parseCommaGroupedNumber } from '../groupedNumber';
import { findTotalRelation } from './totalRelation';

export interface MeasureTotal {
  total: string;
  parts: string[];
}

/** Fewer complete sample rows than this is too little evidence that a sum is no coincidence. */
const MIN_ROWS = 8;

function readNumber(text: string, decimalComma: boolean): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || isMissingValue(trimmed)) return null;
  let value = decimalComma ? parseDecimalCommaNumber(trimmed) : Number(trimmed);
  if (!decimalComma && Number.isNaN(value)) value = parseCommaGroupedNumber(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * The total among `candidates` (column indexes that may be counts), or null. Only rows where every
 * candidate holds a number are evidence; a relation that holds only on rows of zeros is none.
 */
export function findMeasureTotal(
  names: readonly string[],
  sampleRows: readonly (readonly string[])[],
  candidates: readonly number[],
  decimalComma: boolean,
): MeasureTotal | null {
  if (candidates.length < 3) return null;
  const rows: number[][] = [];
  for (const row of sampleRows) {
    const values = candidates.map((index) => readNumber(row[index] ?? '', decimalComma));
    if (values.every((value): value is number => value !== null) && values.some((value) => value !== 0)) rows.push(values);
  }
  if (rows.length < MIN_ROWS) return null;
  const relation = findTotalRelation(rows);
  if (relation === null) return null;
  const name = (i: number): string => names[candidates[i] as number] as string;
  return { total: name(relation.total), parts: relation.parts.map(name) };
}
