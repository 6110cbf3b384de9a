/**
 * The detector-health checker: fed every row once, in stream order, it keeps per-location state
 * (bounded) and raises flags as problems appear; `view()` says at any moment how each location
 * stands. Pure: no I/O, no clock (time is the rows' event time), so the pipeline, a test or a
 * benchmark can drive it alike.
 *
 * Per row, in order: timestamps (duplicate / out of order), gaps against the location's inferred
 * cadence, impossible values, consistency between columns, then stuck / zero runs. A duplicated
 * or out-of-order row is flagged and its values checked for impossibility and consistency only:
 * it cannot extend a run or fill coverage whose slot was already judged.
 */
import type { HealthCheck, HealthColumns, HealthView } from '../../../shared/health/healthContract';
import type { ColumnRole } from '../../../shared/schema';
import type { CellValue, TrafficRecord } from '../../../shared/records';
import { cannotBeNegative } from './columnKinds';
import { checkFlow, findFlowColumns, TotalCheck, type FlowColumns, type MeasureColumn } from './consistencyChecks';
import { formatDuration, formatTime, plural } from './describe';
import { FlagBook } from './flagBook';
import { resolveHealthOptions, type HealthOptions } from './healthOptions';
import { LocationState } from './locationState';
import { locationHealth } from './locationStatus';
import { checkRun, type RunRow } from './runCheck';
import { capacityEvidence, negativeEvidence, spikeEvidence, spikeLimit } from './valueChecks';
import { pairSpeedsWithFlows, ZeroFlowSpeedMarker, type NonNegativeColumn } from './noVehicleSpeed';

/** The part of the engine's table schema the checker needs (TableSchema fits it). */
export interface HealthSchema {
  columns: readonly { name: string; role: ColumnRole }[];
  location: string | null;
  measure: string | null;
}

/** Rows of a file without a location column all belong to this one. */
export const WHOLE_FILE = '(all rows)';
/** Rows whose location cell is empty. */
export const NO_LOCATION = '(no location)';

interface RowContext {
  state: LocationState;
  time: number;
  line: number;
  row: number;
}

export class HealthChecker {
  private readonly options: HealthOptions;
  private readonly book: FlagBook;
  private readonly locations = new Map<string, LocationState>();
  private readonly locationIndex: number;
  private readonly main: MeasureColumn | null;
  private readonly nonNegative: NonNegativeColumn[];
  private readonly speedMarker = new ZeroFlowSpeedMarker();
  private readonly total: TotalCheck<RowContext>;
  private readonly flow: FlowColumns;
  /** The row checkRun reads, reused row after row (it copies what it keeps). */
  private readonly runRow: RunRow = { time: 0, line: 0, value: 0, implausible: false };
  private rowsGiven = 0;
  private rowsWithoutTime = 0;
  private duplicateTimes = 0;
  private outOfOrder = 0;
  /** The latest event time of any row: a location far behind it has gone silent. */
  private latest: number | null = null;

  constructor(schema: HealthSchema, options: Partial<HealthOptions> = {}) {
    this.options = resolveHealthOptions({}, options);
    this.book = new FlagBook(this.options.maxFlags);
    this.locationIndex = schema.location === null ? -1 : schema.columns.findIndex((c) => c.name === schema.location);
    const measures = schema.columns.flatMap((c, index) => (c.role === 'measure' ? [{ index, name: c.name }] : []));
    this.main = measures.find((m) => m.name === schema.measure) ?? measures[0] ?? null;
    this.total = new TotalCheck<RowContext>(measures, this.options.totalLearningRows);
    this.flow = findFlowColumns(measures, this.main);
    this.nonNegative = pairSpeedsWithFlows(
      measures.filter((m) => cannotBeNegative(m.name)),
      measures,
      this.flow.flow,
    );
  }

  /** Checks one row; every row given is counted, in O(1) amortised time. */
  check(record: TrafficRecord): void {
    this.rowsGiven++;
    const { time, values, line } = record;
    if (time === null) {
      // Every check here is about a place over time; a row without a time can only be counted.
      this.rowsWithoutTime++;
      return;
    }
    const state = this.location(values);
    const row = state.rows++;
    const ctx: RowContext = { state, time, line, row };
    if (this.latest === null || time > this.latest) this.latest = time;

    const last = state.lastTime;
    const inOrder = last === null || time > last;
    if (last !== null && time < last) {
      this.outOfOrder++;
      this.perRow(ctx, 'outOfOrder', `Row for ${formatTime(time)} arrived after the row for ${formatTime(last)}`);
    } else {
      // A second row at the same time is judged against the location's rows per time (a row per
      // direction or lane is no duplicate); only the first row of a time counts as received.
      const sameTime = time === last;
      for (const extra of state.rowsPerTime.add(ctx, sameTime)) this.duplicate(extra.row, extra.nth, state.rowsPerTime.usual);
      if (!sameTime) this.acceptTime(state, time);
    }

    const implausible = this.checkValues(ctx, values, inOrder);
    for (const finding of this.total.check(values, ctx)) this.perRow(finding.ctx, 'totalMismatch', finding.evidence);
    const flow = checkFlow(values, this.flow);
    if (flow.occupancyWithoutFlow !== null) this.perRow(ctx, 'occupancyWithoutFlow', flow.occupancyWithoutFlow);
    if (flow.speedWithoutFlow !== null && this.speedMarker.isFinding(values[(this.flow.speed as MeasureColumn).index] as number)) {
      this.perRow(ctx, 'speedWithoutFlow', flow.speedWithoutFlow);
    }

    const value = this.mainValue(values);
    if (inOrder && value !== null && this.main !== null) {
      const row = this.runRow;
      row.time = time;
      row.line = line;
      row.value = value;
      row.implausible = implausible;
      checkRun(state, row, this.main.name, this.options, this.book);
    }
  }

  /** What the page is sent: every location's status, the kept flags and the counts. */
  view(): HealthView {
    const ongoing = new Set<number>();
    const locations = [...this.locations.values()]
      // Natural order: sensor 2 before sensor 10.
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
      .map((state) => locationHealth(state, this.latest, this.options, ongoing));
    const flags = this.book.flags.map((flag) => ({ ...flag, ongoing: ongoing.has(flag.id) }));
    return {
      locations,
      flags,
      counts: {
        rowsGiven: this.rowsGiven,
        rowsChecked: this.rowsGiven,
        rowsWithoutTime: this.rowsWithoutTime,
        duplicateTimes: this.duplicateTimes,
        outOfOrder: this.outOfOrder,
        flagsRaised: this.book.raised,
        flagsKept: this.book.raised - this.book.dropped,
        flagsDropped: this.book.dropped,
        byCheck: { ...this.book.byCheck },
      },
      columns: this.columns(),
    };
  }

  columns(): HealthColumns {
    return {
      measure: this.main?.name ?? null,
      total: this.total.total?.name ?? null,
      parts: this.total.parts.map((p) => p.name),
      flow: this.flow.flow?.name ?? null,
      occupancy: this.flow.occupancy?.name ?? null,
      speed: this.flow.speed?.name ?? null,
    };
  }

  private location(values: readonly CellValue[]): LocationState {
    let name = WHOLE_FILE;
    if (this.locationIndex >= 0) {
      const cell = values[this.locationIndex];
      name = cell === null || cell === undefined || cell === '' ? NO_LOCATION : String(cell);
    }
    let state = this.locations.get(name);
    if (state === undefined) {
      state = new LocationState(name, this.options);
      this.locations.set(name, state);
    }
    return state;
  }

  /** An in-order row: its gap teaches the cadence and may reveal missing intervals. */
  private acceptTime(state: LocationState, time: number): void {
    const last = state.lastTime;
    if (last !== null) {
      state.cadence.add(time - last);
      const cadenceMs = state.cadence.cadenceMs;
      if (cadenceMs === null) state.rememberGap(last, time);
      else {
        if (state.pendingGaps.length > 0) for (const [from, to] of state.pendingGaps.splice(0)) this.judgeGap(state, from, to, cadenceMs);
        this.judgeGap(state, last, time, cadenceMs);
      }
    }
    state.coverage.addRow(time);
    state.firstTime ??= time;
    state.lastTime = time;
  }

  private judgeGap(state: LocationState, from: number, to: number, cadenceMs: number): void {
    const missing = state.coverage.addGap(from, to, cadenceMs);
    if (missing < this.options.gapMinIntervals) return;
    const start = from + cadenceMs;
    const end = from + missing * cadenceMs;
    const evidence = `No rows for ${formatDuration(to - from - cadenceMs)}: ${plural(missing, 'interval')} of ${formatDuration(cadenceMs)} missing from ${formatTime(start)} to ${formatTime(end)}`;
    const episode = this.book.raise({ location: state.name, check: 'gap', start, end, intervals: missing, line: null, evidence });
    state.noteFlag(episode.flag, this.options.recentWindowMs, true);
  }

  /** Negative, above capacity, far above usual; true when the row's main value is implausible. */
  private checkValues(ctx: RowContext, values: readonly CellValue[], inOrder: boolean): boolean {
    let implausible = false;
    const negative = negativeEvidence(values, this.nonNegative);
    if (negative !== null) {
      this.perRow(ctx, 'negative', negative);
      implausible = true;
    }
    const value = this.mainValue(values);
    if (value === null || this.main === null) return implausible;
    const { state } = ctx;
    const capacity = capacityEvidence(value, this.main.name, state.cadence.cadenceMs, this.options);
    if (capacity !== null) {
      this.perRow(ctx, 'aboveCapacity', capacity);
      implausible = true;
    }
    const limit = inOrder ? spikeLimit(state.profile, ctx.time - (state.firstTime ?? ctx.time), this.options) : null;
    const spike = limit === null ? null : spikeEvidence(value, this.main.name, limit);
    if (spike !== null) {
      this.perRow(ctx, 'spike', spike);
      implausible = true;
    }
    return implausible;
  }

  private mainValue(values: readonly CellValue[]): number | null {
    if (this.main === null) return null;
    const value = values[this.main.index];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  /** Raises a per-row flag, or grows the location's open one when its previous row had the same problem. */
  private duplicate(ctx: RowContext, nth: number, usual: number): void {
    this.duplicateTimes++;
    const evidence =
      usual === 1
        ? `A second row for ${formatTime(ctx.time)}; each interval should have one row per location`
        : `Row ${nth} for ${formatTime(ctx.time)}; this location has ${usual} rows per interval (one per direction or lane)`;
    this.perRow(ctx, 'duplicateTime', evidence);
  }

  private perRow(ctx: RowContext, check: HealthCheck, evidence: string): void {
    const { state } = ctx;
    const open = state.open.get(check);
    if (open !== undefined && open.lastRow === ctx.row - 1) {
      this.book.extendRows(open.episode, ctx.time);
      open.lastRow = ctx.row;
      state.noteFlag(open.episode.flag, this.options.recentWindowMs, false);
      return;
    }
    const episode = this.book.raise({ location: state.name, check, start: ctx.time, end: ctx.time, intervals: 1, line: ctx.line, evidence });
    state.open.set(check, { episode, lastRow: ctx.row });
    state.noteFlag(episode.flag, this.options.recentWindowMs, true);
  }
}

/** A checker for this schema; options default to DEFAULT_HEALTH_OPTIONS. */
export function createHealthChecker(schema: HealthSchema, options: Partial<HealthOptions> = {}): HealthChecker {
  return new HealthChecker(schema, options);
}
