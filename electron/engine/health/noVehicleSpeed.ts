/**
 * A speed on a row where no vehicle was counted measures nothing, and exports say so in their own
 * way: Berlin's detectors write -1 (`v_lkw_det_hr` = -1 when `q_lkw_det_hr` = 0), Austin's radar
 * writes 149 on every empty interval. Read as readings, those markers flag every quiet night hour
 * of every detector as "negative speed" or "speed without flow", burying real faults. So:
 * - a speed column is paired with the flow column of its own vehicle class (`v_lkw…` with
 *   `q_lkw…`: the same name once the speed and flow words are taken out), else the main flow;
 *   a negative speed where that flow is 0 is no reading, not a negative value;
 * - speed without flow is judged against the file's own habit: when the first zero-flow rows all
 *   carry one and the same speed, that value is the export's "no speed" marker and is flagged no
 *   more; a detector reporting varying speeds over an empty lane still is.
 */
import type { CellValue } from '../../../shared/records';
import { columnKind } from './columnKinds';
import type { MeasureColumn } from './consistencyChecks';

/** A column that cannot be negative; for a speed, the flow whose zero makes its value no reading. */
export interface NonNegativeColumn extends MeasureColumn {
  flowIndex: number | null;
}

/** Words that say what is measured rather than of what: left out when pairing a speed with its flow. */
const KIND_WORDS = /^(v|q|speed|spd|flow|volume|vol|count|counts|mph|kmh|kph|avg|mean)$/i;

function classTokens(name: string): string {
  return name
    .split(/[\s_.\-/()]+/)
    .filter((token) => token !== '' && !KIND_WORDS.test(token))
    .join(' ')
    .toLowerCase();
}

/** Gives every speed column among `columns` the flow it is paired with (null for other kinds). */
export function pairSpeedsWithFlows(columns: readonly MeasureColumn[], measures: readonly MeasureColumn[], mainFlow: MeasureColumn | null): NonNegativeColumn[] {
  const flows = measures.filter((m) => columnKind(m.name) === 'flow');
  return columns.map((column) => {
    if (columnKind(column.name) !== 'speed') return { ...column, flowIndex: null };
    const own = classTokens(column.name);
    const paired = flows.find((flow) => classTokens(flow.name) === own) ?? mainFlow;
    return { ...column, flowIndex: paired?.index ?? null };
  });
}

/** True when this cell is a speed over an interval that counted no vehicle. */
export function isNoVehicleSpeed(values: readonly CellValue[], column: NonNegativeColumn): boolean {
  return column.flowIndex !== null && values[column.flowIndex] === 0;
}

/** Zero-flow rows carrying the same speed, one after another from the first, that make it the file's marker. */
export const MARKER_ROWS = 3;

/**
 * Decides, zero-flow row by zero-flow row, whether a speed there is a finding. The first ones are
 * (nothing is known yet, and a live view cannot wait); once the first MARKER_ROWS all carried one
 * value, that value is the export's "no speed" marker and is no finding again. A second value
 * before then means there is no marker: every one is a finding.
 */
export class ZeroFlowSpeedMarker {
  private candidate: number | null = null;
  private sameSoFar = 0;
  private noMarker = false;

  isFinding(speed: number): boolean {
    if (this.noMarker) return true;
    if (this.sameSoFar >= MARKER_ROWS) return speed !== this.candidate;
    if (this.candidate !== null && speed !== this.candidate) {
      this.noMarker = true;
      return true;
    }
    this.candidate = speed;
    this.sameSoFar++;
    return this.sameSoFar < MARKER_ROWS;
  }
}
