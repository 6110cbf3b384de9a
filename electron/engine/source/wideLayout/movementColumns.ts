/**
 * A turning-movement count with a column per movement and no total (Synchro's and many counters'
 * exports: `DATE,TIME,INTID,NBL,NBT,NBR,SBL,…,WBR`): read as it is, the main measure was one
 * movement (the northbound lefts), so the threshold, the forecasts and the graph's load followed
 * a twelfth of the intersection. Unfolded into a record per movement (`Movement`, `Volume`), the
 * intersection stays the location, what sums per location (the graph's load, windows) sums the
 * whole intersection, and SQL can still pick one movement. A file that has a
 * total column keeps its columns: the total is the measure.
 */
import { TOTAL_NAME } from '../mainMeasure';
import type { TableSchema } from '../tableSchema';
import type { CounterLayout } from './counterColumns';

export const MOVEMENT_COLUMN = 'Movement';
export const MOVEMENT_VALUE = 'Volume';

/** Fewer movement columns than this is a pair of directions, not a turning-movement count. */
const MIN_MOVEMENTS = 4;

/**
 * An approach and a turn: `NBL`, `SB_T`, `EBR`, `WBU`, `N Left`, `Northbound Thru`, `eastbound_right`,
 * `SBRT`, `NB Through`.
 */
const MOVEMENT_NAME =
  /^(n|s|e|w|ne|nw|se|sw|nb|sb|eb|wb|north|south|east|west)(bound)?[\s_-]?(l|t|r|u|lt|th|rt|ut|left|thru|through|right|u-?turn|uturn)$/i;

export function isMovementName(name: string): boolean {
  return MOVEMENT_NAME.test(name.trim());
}

/** The movement columns to unfold, or null when the file is no turning-movement count without a total. */
export function detectMovementLayout(schema: TableSchema): CounterLayout | null {
  if (schema.time === null) return null;
  const measures = schema.columns.flatMap((column, index) => (column.role === 'measure' && column.type === 'number' ? [{ column: column.name, index }] : []));
  const movements = measures.filter(({ column }) => isMovementName(column));
  if (movements.length < MIN_MOVEMENTS || measures.some(({ column }) => TOTAL_NAME.test(column))) return null;
  // Other numbers (a peds column, a speed) stay columns of each record.
  return { counters: movements, label: MOVEMENT_COLUMN, value: MOVEMENT_VALUE };
}
