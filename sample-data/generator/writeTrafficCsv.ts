/**
 * Streams a synthetic traffic CSV to disk. Memory stays flat regardless of
 * size: rows are built in chunks and the writer waits for 'drain' whenever
 * the stream's buffer is full. The junctions come from a city network and a
 * few planned incidents raise traffic around one junction at a time; both are
 * returned so the caller can write them next to the CSV.
 */

import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { calendarDay, parseIsoDate, SLOT_TIMES } from './calendar.js';
import { networkFor, SAMPLE_CITY_JUNCTIONS } from './cityNetwork.js';
import { negative, planFaults, spiked, type FaultCounts, type FaultKind, type InjectedFault } from './faults.js';
import { incidentEffects } from './incidentEffects.js';
import { planIncidents, type Incident } from './incidents.js';
import type { JunctionNetwork } from './junctionNetwork.js';
import { mixSeed, mulberry32 } from './random.js';
import { computeCounts, dayFactors, defineJunctions, SLOTS_PER_DAY, type Junction, type TrafficCounts } from './trafficModel.js';

export interface WriteTrafficCsvOptions {
  out: string;
  junctions?: number;
  days?: number;
  /** When set, wins over `days`: exactly this many data rows, continuing day after day. */
  rows?: number;
  seed?: number;
  /** ISO date `YYYY-MM-DD` of the first row. */
  startDate?: string;
  /** Detector faults to inject (none by default); `rows` then counts rows before missing ones are dropped. */
  faults?: FaultCounts;
}

export interface WriteTrafficCsvResult {
  rows: number;
  bytes: number;
  /** The city whose junctions the rows belong to. */
  network: JunctionNetwork;
  /** The incidents baked into the rows, in time order. */
  incidents: Incident[];
  /** The detector faults injected, in time order (empty unless asked for). */
  faults: InjectedFault[];
}

export const CSV_HEADER =
  'Time,Date,Day of the week,CarCount,BikeCount,BusCount,TruckCount,Total,Traffic Situation,Junction';

export const DEFAULTS = { junctions: SAMPLE_CITY_JUNCTIONS, days: 28, seed: 42, startDate: '2026-10-01' } as const;

// Big enough that per-write overhead vanishes, small enough (~250 KB) to keep memory flat.
const CHUNK_ROWS = 4096;

function requireCount(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

export async function writeTrafficCsv(options: WriteTrafficCsvOptions): Promise<WriteTrafficCsvResult> {
  // Validate everything before touching the file system so bad input leaves no half-written file.
  const network = networkFor(options.junctions ?? DEFAULTS.junctions);
  const junctions = defineJunctions(network.junctions.map((j) => j.id));
  const days = requireCount('days', options.days ?? DEFAULTS.days, 1);
  const seed = options.seed ?? DEFAULTS.seed;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const startUtcMs = parseIsoDate(options.startDate ?? DEFAULTS.startDate);
  const totalRows =
    options.rows === undefined ? days * SLOTS_PER_DAY * junctions.length : requireCount('rows', options.rows, 0);
  const planned = planIncidents(network, seed, startUtcMs, Math.ceil(totalRows / junctions.length));
  const effectsByDay = incidentEffects(planned, junctions.length);
  const faultPlan = planFaults(
    junctions.map((j) => j.id),
    seed,
    startUtcMs,
    Math.ceil(totalRows / junctions.length),
    options.faults ?? {},
  );
  // Without faults the map is empty and rows are written exactly as before.
  const faultRows = faultPlan.rows.size === 0 ? null : faultPlan.rows;
  const faultRng = mulberry32(mixSeed(seed, 0x5350494b));
  /** Per junction, the counts a stuck detector keeps repeating. */
  const stuckCounts: (TrafficCounts | undefined)[] = [];
  const applyFault = (kind: FaultKind | undefined, j: number, counts: TrafficCounts, junction: Junction): TrafficCounts | null => {
    if (kind !== 'stuck') stuckCounts[j] = undefined;
    if (kind === undefined) return counts;
    if (kind === 'missing') return null;
    if (kind === 'spike') return spiked(counts, junction.scale, faultRng);
    if (kind === 'negative') return negative(counts);
    stuckCounts[j] ??= counts;
    return stuckCounts[j];
  };

  await mkdir(dirname(options.out), { recursive: true });
  const stream = createWriteStream(options.out);
  // Without a listener an early error (e.g. EACCES on open) would crash the process
  // instead of rejecting; remember it and surface it at the next chunk boundary.
  let failure: Error | undefined;
  stream.on('error', (error: Error) => {
    failure = error;
  });

  const flush = async (chunk: string): Promise<void> => {
    if (failure !== undefined) throw failure;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };

  // The row stream is seeded separately from the per-day factors, so both are stable.
  const rng = mulberry32(mixSeed(seed, 0x524f5753));
  let written = 0;
  // Rows modelled, written or (a missing fault) not; it bounds the loop so faults do not lengthen the file.
  let modelled = 0;
  let chunk = `${CSV_HEADER}\n`;
  let chunkRows = 0;

  try {
    for (let dayIndex = 0; modelled < totalRows; dayIndex++) {
      const day = calendarDay(startUtcMs, dayIndex);
      const factors = dayFactors(seed, dayIndex, junctions.length);
      const effects = effectsByDay.get(dayIndex);
      const datePart = `,${day.dayOfMonth},${day.weekdayName},`;
      for (let slot = 0; slot < SLOTS_PER_DAY && modelled < totalRows; slot++) {
        const time = SLOT_TIMES[slot] as string;
        for (let j = 0; j < junctions.length && modelled < totalRows; j++) {
          const junction = junctions[j] as Junction;
          const factor = factors[j] as number;
          const k = slot * junctions.length + j;
          // Quiet days, nearly all of a big file, skip the incident tables entirely.
          const modelledCounts =
            effects === undefined
              ? computeCounts(junction, day.weekday, slot, rng, factor)
              : computeCounts(junction, day.weekday, slot, rng, factor * (effects.factor[k] as number), effects.jammed[k] === 1);
          modelled++;
          const c =
            faultRows === null
              ? modelledCounts
              : applyFault(faultRows.get((dayIndex * SLOTS_PER_DAY + slot) * junctions.length + j), j, modelledCounts, junction);
          if (c === null) continue;
          chunk += `${time}${datePart}${c.car},${c.bike},${c.bus},${c.truck},${c.total},${c.situation},${junction.id}\n`;
          written++;
          if (++chunkRows === CHUNK_ROWS) {
            await flush(chunk);
            chunk = '';
            chunkRows = 0;
          }
        }
      }
    }
    await flush(chunk);
    stream.end();
    await finished(stream);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return {
    rows: written,
    bytes: stream.bytesWritten,
    network,
    incidents: planned.map((p) => p.incident),
    faults: faultPlan.faults,
  };
}
