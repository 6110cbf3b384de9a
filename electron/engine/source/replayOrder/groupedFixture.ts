/**
 * Test-only: CSV files of sensor counts with an ISO time column, written sorted by location then
 * time (grouped), in time order with locations taking turns (interleaved), or otherwise. Every
 * expectation a test checks is computed from the rows written here, never by the engine.
 */
import type { SchemaOverrides } from '../../../../shared/schema';
import { seededInts } from '../../testing/trafficFixture';

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
    const line = `${new Date(spec.time).toISOString()},${spec.junction},${spec.bad ? 'n/a' : String(vehicles)}`;
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

/** Slot after slot, every junction in each: the file in time order. */
export function interleavedSpecs(junctions: readonly string[], slots: number): RowSpec[] {
  const specs: RowSpec[] = [];
  for (let slot = 0; slot < slots; slot++) for (const junction of junctions) specs.push({ junction, time: GROUPED_START + slot * STEP_MS });
  return specs;
}
