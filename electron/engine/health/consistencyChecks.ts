/**
 * Checks between columns of one row, where the columns exist: a total that is not the sum of
 * its parts (relation learned from the first rows, see source/roles/totalRelation.ts), occupancy with no flow,
 * and speed with no flow. A detector that counts nothing cannot have had a vehicle over it for
 * part of the interval, nor measured one's speed.
 */
import type { CellValue } from '../../../shared/records';
import { formatNumber } from './describe';
import { columnKind, mayBeCount } from './columnKinds';
import { findTotalRelation, sumMatches } from '../source';

export interface MeasureColumn {
  index: number;
  name: string;
}

export interface RowFinding<T> {
  ctx: T;
  evidence: string;
}

const NONE: readonly never[] = [];

/** Values of these columns as numbers, or null when any is missing or not a number. */
function numbers(values: readonly CellValue[], columns: readonly MeasureColumn[]): number[] | null {
  const out: number[] = [];
  for (const column of columns) {
    const value = values[column.index];
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    out.push(value);
  }
  return out;
}

/** The sum of these columns, or NaN when any is missing or not a number (no array per row: this runs on every row). */
function sumOf(values: readonly CellValue[], columns: readonly MeasureColumn[]): number {
  let sum = 0;
  for (let i = 0; i < columns.length; i++) {
    const value = values[(columns[i] as MeasureColumn).index];
    if (typeof value !== 'number' || !Number.isFinite(value)) return Number.NaN;
    sum += value;
  }
  return sum;
}

export class TotalCheck<T> {
  private readonly counts: MeasureColumn[];
  private learning: { values: number[]; ctx: T }[] | null = [];
  total: MeasureColumn | null = null;
  parts: MeasureColumn[] = [];

  constructor(measures: readonly MeasureColumn[], private readonly learningRows: number) {
    this.counts = measures.filter((m) => mayBeCount(m.name));
    if (this.counts.length < 3) this.learning = null;
  }

  /** Judges one row; while still learning, may return earlier rows found off once the relation is known. */
  check(values: readonly CellValue[], ctx: T): readonly RowFinding<T>[] {
    if (this.learning !== null) return this.learn(values, ctx);
    if (this.total === null) return NONE;
    const total = values[this.total.index];
    const sum = sumOf(values, this.parts);
    if (typeof total !== 'number' || Number.isNaN(sum)) return NONE;
    const evidence = this.judge(total, sum);
    return evidence === null ? NONE : [{ ctx, evidence }];
  }

  private learn(values: readonly CellValue[], ctx: T): readonly RowFinding<T>[] {
    const learning = this.learning as { values: number[]; ctx: T }[];
    const row = numbers(values, this.counts);
    if (row === null) return NONE;
    learning.push({ values: row, ctx });
    if (learning.length < this.learningRows) return NONE;
    this.learning = null;
    const relation = findTotalRelation(learning.map((r) => r.values));
    if (relation === null) return NONE;
    this.total = this.counts[relation.total] as MeasureColumn;
    this.parts = relation.parts.map((p) => this.counts[p] as MeasureColumn);
    // The learning rows are judged now, once, like every later row.
    const findings: RowFinding<T>[] = [];
    for (const r of learning) {
      const evidence = this.judge(r.values[relation.total] as number, relation.parts.reduce((sum, p) => sum + (r.values[p] as number), 0));
      if (evidence !== null) findings.push({ ctx: r.ctx, evidence });
    }
    return findings;
  }

  private judge(total: number, sum: number): string | null {
    if (sumMatches(total, sum, this.parts.length)) return null;
    const names = this.parts.map((p) => p.name).join(' + ');
    return `${(this.total as MeasureColumn).name} is ${formatNumber(total)} but ${names} = ${formatNumber(sum)}; on most rows the total equals the sum of these columns`;
  }
}

export interface FlowColumns {
  flow: MeasureColumn | null;
  occupancy: MeasureColumn | null;
  speed: MeasureColumn | null;
}

/** Flow is the main measure when it names a count, else the first column that does. */
export function findFlowColumns(measures: readonly MeasureColumn[], main: MeasureColumn | null): FlowColumns {
  const first = (kind: string): MeasureColumn | null => measures.find((m) => columnKind(m.name) === kind) ?? null;
  const flow = main !== null && columnKind(main.name) === 'flow' ? main : first('flow');
  return { flow, occupancy: first('occupancy'), speed: first('speed') };
}

export interface FlowFindings {
  occupancyWithoutFlow: string | null;
  speedWithoutFlow: string | null;
}

/** Nothing found (shared: most rows find nothing, and this runs on every row). */
const NO_FLOW_FINDINGS: Readonly<FlowFindings> = Object.freeze({ occupancyWithoutFlow: null, speedWithoutFlow: null });

export function checkFlow(values: readonly CellValue[], columns: FlowColumns): Readonly<FlowFindings> {
  if (columns.flow === null || values[columns.flow.index] !== 0) return NO_FLOW_FINDINGS;
  const found: FlowFindings = { occupancyWithoutFlow: null, speedWithoutFlow: null };
  const occupancy = columns.occupancy === null ? null : values[columns.occupancy.index];
  if (typeof occupancy === 'number' && occupancy > 0) {
    found.occupancyWithoutFlow = `${columns.occupancy?.name} is ${formatNumber(occupancy)} while ${columns.flow.name} is 0: a detector that counted no vehicle cannot have been occupied`;
  }
  const speed = columns.speed === null ? null : values[columns.speed.index];
  if (typeof speed === 'number' && speed > 0) {
    found.speedWithoutFlow = `${columns.speed?.name} is ${formatNumber(speed)} while ${columns.flow.name} is 0: no vehicle was counted whose speed could be measured`;
  }
  return found;
}
