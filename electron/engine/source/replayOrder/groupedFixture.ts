/**
 * Test-only: CSV files of sensor counts with an ISO time column, written sorted by location then
 * time (grouped), in time order with locations taking turns (interleaved), or otherwise. Every
 * expectation a test checks is computed from the rows written here, never by the engine.
 */
import type { RejectedRow, SeekTarget } from '../../../../shared/contract';
import type { TrafficRecord } from '../../../../shared/records';
import type { SchemaOverrides } from '../../../../shared/schema';
import { seededInts } from '../../testing/trafficFixture';
import type { OpenedFile } from '../openedFile';
import { createReplaySource } from './createReplaySource';
import type { ReplayBatch } from './replaySource';

export const GROUPED_HEADER = 'timestamp,junction,vehicles';
/** Pins the roles, so the tests do not depend on how inference reads these names. */
export const GROUPED_OVERRIDES: SchemaOverrides = { roles: { timestamp: 'timestamp', junction: 'location', vehicles: 'measure' }, timeFormat: null, anchor: null };
export const GROUPED_START = Date.UTC(2025, 0, 1);
export const STEP_MS = 15 * 60_000;

export interface WrittenRow {
  /** 1 = the header. */
  line: number;
  /** Byte offset where the line starts. */
  byte: number;
  junction: string;
  /** Null for a row written to be rejected. */
  time: number | null;
  vehicles: number;
  text: string;
}

export interface WrittenFile {
  text: string;
  rows: WrittenRow[];
  /** The byte where each junction's first line starts (grouped files). */
  runStarts: number[];
}

export interface RowSpec {
  junction: string;
  time: number;
  /** Written with a value the reader rejects. */
  bad?: boolean;
}

/** Writes rows in the order given; lines and byte offsets are computed as they are written. */
export function writeRows(specs: readonly RowSpec[], options: { newline?: string; bom?: boolean } = {}, seed = 11): WrittenFile {
  const newline = options.newline ?? '\n';
  const next = seededInts(seed);
  const bom = options.bom ? '\uFEFF' : '';
  let text = `${bom}${GROUPED_HEADER}${newline}`;
  let byte = Buffer.byteLength(text);
  const rows: WrittenRow[] = [];
  const runStarts: number[] = [];
  specs.forEach((spec, i) => {
    const vehicles = next(400);
    const line = `${new Date(spec.time).toISOString()},${spec.junction},${spec.bad ? '12abc' : String(vehicles)}`;
    if (i === 0 || (specs[i - 1] as RowSpec).junction !== spec.junction) runStarts.push(byte);
    rows.push({ line: i + 2, byte, junction: spec.junction, time: spec.bad ? null : spec.time, vehicles, text: line });
    text += line + newline;
    byte += Buffer.byteLength(line + newline);
  });
  return { text, rows, runStarts };
}

export const junctionNames = (count: number): string[] => Array.from({ length: count }, (_, j) => `J${String(j + 1).padStart(3, '0')}`);

/** All of one junction's rows (in time order), then the next junction's. */
export function groupedSpecs(junctions: readonly string[], slots: number, bad: ReadonlySet<number> = new Set()): RowSpec[] {
  const specs: RowSpec[] = [];
  for (const junction of junctions) {
    for (let slot = 0; slot < slots; slot++) specs.push({ junction, time: GROUPED_START + slot * STEP_MS, bad: bad.has(specs.length) });
  }
  return specs;
}

/** All of one junction's rows newest first, then the next junction's: an export sorted by location, then latest first. */
export function groupedNewestFirstSpecs(junctions: readonly string[], slots: number, bad: ReadonlySet<number> = new Set()): RowSpec[] {
  const specs: RowSpec[] = [];
  for (const junction of junctions) {
    for (let slot = slots - 1; slot >= 0; slot--) specs.push({ junction, time: GROUPED_START + slot * STEP_MS, bad: bad.has(specs.length) });
  }
  return specs;
}

/** Slot after slot, every junction in each: the file in time order. */
export function interleavedSpecs(junctions: readonly string[], slots: number): RowSpec[] {
  const specs: RowSpec[] = [];
  for (let slot = 0; slot < slots; slot++) for (const junction of junctions) specs.push({ junction, time: GROUPED_START + slot * STEP_MS });
  return specs;
}

export interface Replayed {
  records: TrafficRecord[];
  rejected: RejectedRow[];
  /** For each rejected row, the records delivered before it. */
  rejectedAfter: number[];
  last: ReplayBatch | null;
  skipped: number;
}

/** Every batch of one pass over an opened file's replay source, gathered. */
export async function replay(opened: OpenedFile, seek: SeekTarget | null = null, source = createReplaySource(opened)): Promise<Replayed> {
  const out: Replayed = { records: [], rejected: [], rejectedAfter: [], last: null, skipped: 0 };
  for await (const batch of source.rows(seek, new AbortController().signal)) {
    batch.rejected.forEach((row, i) => {
      out.rejected.push(row);
      out.rejectedAfter.push(out.records.length + (batch.rejectedAt[i] as number));
    });
    out.records.push(...batch.records);
    out.skipped += batch.skipped;
    out.last = batch;
  }
  return out;
}

/** Replay order worked out by the test: by time, ties in file order. */
export const byTimeThenLine = (rows: readonly WrittenRow[]): number[] =>
  rows
    .filter((row) => row.time !== null)
    .sort((a, b) => (a.time as number) - (b.time as number) || a.line - b.line)
    .map((row) => row.line);
