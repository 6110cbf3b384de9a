/**
 * Traffic incidents for the sample: a few times in the data, one junction jams
 * and the junctions one road away fill up shortly after. Planned from the seed
 * alone, and written to `incidents.json` so tests and demos know where to look.
 */

import { calendarDay } from './calendar.js';
import { neighbourMap, type JunctionNetwork } from './junctionNetwork.js';
import { mixSeed, mulberry32, randomInt, shuffled } from './random.js';
import { SLOTS_PER_DAY } from './trafficModel.js';

/** One entry of `incidents.json`. Times are local to the data, `YYYY-MM-DDTHH:MM`. */
export interface Incident {
  /** The junction that jams. */
  readonly junction: string;
  /** First 15-minute slot of the jam. */
  readonly start: string;
  /** End of the jam, exclusive: the start of the first slot after it has cleared. */
  readonly end: string;
  /** Junctions one road away; their traffic rises too, a slot or two later. */
  readonly neighbours: readonly string[];
}

/** An incident as the row writer needs it: indices and slot numbers counted from the first row. */
export interface PlannedIncident {
  readonly incident: Incident;
  readonly junctionIndex: number;
  readonly neighbourIndices: readonly number[];
  readonly startSlot: number;
  /** Exclusive. */
  readonly endSlot: number;
  /** Traffic multiplier at the jammed junction, 1.8–2.5. */
  readonly jamFactor: number;
  /** Traffic multiplier at its neighbours, 1.3–1.6. */
  readonly neighbourFactor: number;
  /** How many slots the neighbours trail the jam by, 1 or 2. */
  readonly lagSlots: number;
}

const MS_PER_SLOT = 15 * 60_000;
const MIN_SLOTS = 4; // 1 hour
const MAX_SLOTS = 12; // 3 hours

// Daytime starts only: the point of an incident in a demo is a visible jam, and
// at 3 a.m. doubling a handful of cars shows nothing.
const WEEKDAY_STARTS = [28, 64] as const; // 07:00–16:00
const WEEKEND_STARTS = [40, 60] as const; // 10:00–15:00

function slotLabel(startUtcMs: number, slot: number): string {
  return new Date(startUtcMs + slot * MS_PER_SLOT).toISOString().slice(0, 16);
}

/**
 * 3–5 incidents, one in each equal share of the full days covered, each at a
 * different junction while there are enough junctions. Runs shorter than a few
 * days get fewer incidents, and none under a full day.
 */
export function planIncidents(
  network: JunctionNetwork,
  seed: number,
  startUtcMs: number,
  totalSlots: number,
): PlannedIncident[] {
  const rng = mulberry32(mixSeed(seed, 0x494e4344));
  const count = randomInt(rng, 3, 5);
  const days = Math.floor(totalSlots / SLOTS_PER_DAY);
  const ids = network.junctions.map((j) => j.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const neighbours = neighbourMap(network);
  const order = shuffled(Array.from(ids, (_, i) => i), rng);

  const planned: PlannedIncident[] = [];
  for (let k = 0; k < count; k++) {
    const firstDay = Math.floor((k * days) / count);
    const endDay = Math.floor(((k + 1) * days) / count);
    if (endDay <= firstDay) continue;
    const day = randomInt(rng, firstDay, endDay - 1);
    const [earliest, latest] = calendarDay(startUtcMs, day).weekday < 5 ? WEEKDAY_STARTS : WEEKEND_STARTS;
    const startSlot = day * SLOTS_PER_DAY + randomInt(rng, earliest, latest);
    const endSlot = startSlot + randomInt(rng, MIN_SLOTS, MAX_SLOTS);
    const junctionIndex = order[k % order.length] as number;
    const junction = ids[junctionIndex] as string;
    const neighbourIds = neighbours.get(junction) ?? [];
    planned.push({
      incident: {
        junction,
        start: slotLabel(startUtcMs, startSlot),
        end: slotLabel(startUtcMs, endSlot),
        neighbours: neighbourIds,
      },
      junctionIndex,
      neighbourIndices: neighbourIds.map((id) => indexOf.get(id) as number),
      startSlot,
      endSlot,
      jamFactor: 1.8 + 0.7 * rng(),
      neighbourFactor: 1.3 + 0.3 * rng(),
      lagSlots: randomInt(rng, 1, 2),
    });
  }
  return planned;
}
