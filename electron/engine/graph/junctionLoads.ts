/**
 * How busy each junction is right now: the measure (vehicles) summed per location over the last
 * window, plus a short history of per-interval sums for the trend sparkline and for correlating
 * locations. Rows are bucketed into slots a quarter of the window long, so memory per location is
 * fixed (GRAPH_HISTORY_SLOTS slots) however fast or long the replay runs; the window's edges are
 * therefore exact to a quarter window, which for 15-minute data and the default hour is exact.
 *
 * "Now" is the newest slot any location reached: a location that reported nothing in the window
 * has no load (null), not zero, so a silent sensor is not mistaken for an empty road.
 */
import type { CellValue } from '../../../shared/records';

export const SLOTS_PER_WINDOW = 4;

export interface LocationLoadState {
  id: string;
  /** Values of the newest row (for the threshold mark), its time and measure value. */
  latestValues: readonly CellValue[] | null;
  latestTime: number | null;
  latestValue: number | null;
}

interface LocationSlots extends LocationLoadState {
  /** Which absolute slot each ring cell holds (NaN = none). */
  slotIds: Float64Array;
  sums: Float64Array;
}

export class JunctionLoads {
  readonly slotMs: number;
  private readonly locations = new Map<string, LocationSlots>();
  private newestSlot = Number.NEGATIVE_INFINITY;
  /** Rows counted, and rows too old for the history kept (after a jump back in time). */
  rows = 0;
  tooOld = 0;

  constructor(
    windowMs: number,
    private readonly historySlots: number,
  ) {
    this.slotMs = windowMs / SLOTS_PER_WINDOW;
  }

  /** Locations in the order they were first seen. */
  ids(): string[] {
    return [...this.locations.keys()];
  }

  get size(): number {
    return this.locations.size;
  }

  /** Event time (epoch ms) where the newest slot ends; null before any row. */
  windowEnd(): number | null {
    return Number.isFinite(this.newestSlot) ? (this.newestSlot + 1) * this.slotMs : null;
  }

  add(location: string, time: number, value: number | null, values: readonly CellValue[]): void {
    let state = this.locations.get(location);
    if (!state) {
      state = {
        id: location,
        latestValues: null,
        latestTime: null,
        latestValue: null,
        slotIds: new Float64Array(this.historySlots).fill(Number.NaN),
        sums: new Float64Array(this.historySlots),
      };
      this.locations.set(location, state);
    }
    this.rows++;
    const slot = Math.floor(time / this.slotMs);
    if (slot > this.newestSlot) this.newestSlot = slot;
    if (state.latestTime === null || time >= state.latestTime) {
      state.latestValues = values;
      state.latestTime = time;
      state.latestValue = value;
    }
    if (slot <= this.newestSlot - this.historySlots) {
      this.tooOld++;
      return;
    }
    const cell = positiveModulo(slot, this.historySlots);
    const held = state.slotIds[cell] as number;
    if (held !== slot) {
      if (held > slot) {
        this.tooOld++;
        return;
      }
      state.slotIds[cell] = slot;
      state.sums[cell] = 0;
    }
    if (value !== null) state.sums[cell] = (state.sums[cell] as number) + value;
  }

  state(location: string): LocationLoadState | undefined {
    return this.locations.get(location);
  }

  /** Sum over the last window's slots; null when the location has no row in it. */
  load(location: string): number | null {
    const state = this.locations.get(location);
    if (!state || !Number.isFinite(this.newestSlot)) return null;
    let sum = 0;
    let seen = false;
    for (let back = 0; back < SLOTS_PER_WINDOW; back++) {
      const value = this.slotValue(state, this.newestSlot - back);
      if (value === null) continue;
      seen = true;
      sum += value;
    }
    return seen ? sum : null;
  }

  /** Per-slot sums, oldest first, ending at the newest slot; null where the location reported nothing. */
  trend(location: string, slots = this.historySlots): (number | null)[] {
    const state = this.locations.get(location);
    const count = Math.min(slots, this.historySlots);
    if (!state || !Number.isFinite(this.newestSlot)) return [];
    const trend = new Array<number | null>(count);
    for (let i = 0; i < count; i++) trend[i] = this.slotValue(state, this.newestSlot - (count - 1 - i));
    return trend;
  }

  /** The same as `trend` with NaN for gaps, for correlation. */
  series(location: string): Float64Array {
    return Float64Array.from(this.trend(location), (value) => (value === null ? Number.NaN : value));
  }

  private slotValue(state: LocationSlots, slot: number): number | null {
    const cell = positiveModulo(slot, this.historySlots);
    return state.slotIds[cell] === slot ? (state.sums[cell] as number) : null;
  }
}

function positiveModulo(value: number, modulus: number): number {
  const rest = value % modulus;
  return rest < 0 ? rest + modulus : rest;
}
