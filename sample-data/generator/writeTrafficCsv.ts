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
import { incidentEffects } from './incidentEffects.js';
import { planIncidents, type Incident } from './incidents.js';
import type { JunctionNetwork } from './junctionNetwork.js';
import { mixSeed, mulberry32 } from './random.js';
import { computeCounts, dayFactors, defineJunctions, SLOTS_PER_DAY, type Junction } from './trafficModel.js';

export interface WriteTrafficCsvOptions {
  out: string;
  junctions?: number;
  days?: number;
  /** When set, wins over `days`: exactly this many data rows, continuing day after day. */
  rows?: number;
  seed?: number;
  /** ISO date `YYYY-MM-DD` of the first row. */
  startDate?: string;
}

export interface WriteTrafficCsvResult {
  rows: number;
  bytes: number;
  /** The city whose junctions the rows belong to. */
  network: JunctionNetwork;
  /** The incidents baked into the rows, in time order. */
  incidents: Incident[];
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
  let chunk = `${CSV_HEADER}\n`;
  let chunkRows = 0;

  try {
    for (let dayIndex = 0; written < totalRows; dayIndex++) {
      const day = calendarDay(startUtcMs, dayIndex);
      const factors = dayFactors(seed, dayIndex, junctions.length);
      const effects = effectsByDay.get(dayIndex);
      const datePart = `,${day.dayOfMonth},${day.weekdayName},`;
      for (let slot = 0; slot < SLOTS_PER_DAY && written < totalRows; slot++) {
        const time = SLOT_TIMES[slot] as string;
        for (let j = 0; j < junctions.length && written < totalRows; j++) {
          const junction = junctions[j] as Junction;
          const factor = factors[j] as number;
          const k = slot * junctions.length + j;
          // Quiet days, nearly all of a big file, skip the incident tables entirely.
          const c =
            effects === undefined
              ? computeCounts(junction, day.weekday, slot, rng, factor)
              : computeCounts(junction, day.weekday, slot, rng, factor * (effects.factor[k] as number), effects.jammed[k] === 1);
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
  return { rows: written, bytes: stream.bytesWritten, network, incidents: planned.map((p) => p.incident) };
}
