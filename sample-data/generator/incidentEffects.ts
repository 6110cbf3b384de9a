/**
 * Turns planned incidents into per-slot traffic multipliers for the row writer.
 * Only days with an incident get a table, so a 23-million-row benchmark file
 * pays one map lookup per day and nothing per row on quiet days.
 */

import type { PlannedIncident } from './incidents.js';
import { SLOTS_PER_DAY } from './trafficModel.js';

/** Multipliers and jam flags for one day, indexed `slot * junctionCount + junction`. */
export interface DayEffects {
  readonly factor: Float64Array;
  readonly jammed: Uint8Array;
}

// Neighbours don't clear at once when the jam does: their extra load fades over this many slots.
const EASE_OFF_SLOTS = 2;

export function incidentEffects(incidents: readonly PlannedIncident[], junctionCount: number): Map<number, DayEffects> {
  const days = new Map<number, DayEffects>();
  const dayOf = (slot: number): DayEffects => {
    const day = Math.floor(slot / SLOTS_PER_DAY);
    let effects = days.get(day);
    if (effects === undefined) {
      const size = SLOTS_PER_DAY * junctionCount;
      effects = { factor: new Float64Array(size).fill(1), jammed: new Uint8Array(size) };
      days.set(day, effects);
    }
    return effects;
  };
  // Overlapping incidents don't compound: a junction carries the strongest effect on it.
  const raise = (slot: number, junction: number, factor: number, jammed: boolean): void => {
    const effects = dayOf(slot);
    const i = (slot % SLOTS_PER_DAY) * junctionCount + junction;
    effects.factor[i] = Math.max(effects.factor[i] ?? 1, factor);
    if (jammed) effects.jammed[i] = 1;
  };

  for (const incident of incidents) {
    for (let slot = incident.startSlot; slot < incident.endSlot; slot++) {
      raise(slot, incident.junctionIndex, incident.jamFactor, true);
    }
    const first = incident.startSlot + incident.lagSlots;
    const full = incident.endSlot + incident.lagSlots;
    const extra = incident.neighbourFactor - 1;
    for (const neighbour of incident.neighbourIndices) {
      for (let slot = first; slot < full; slot++) raise(slot, neighbour, incident.neighbourFactor, false);
      for (let k = 1; k <= EASE_OFF_SLOTS; k++) {
        raise(full + k - 1, neighbour, 1 + (extra * (EASE_OFF_SLOTS + 1 - k)) / (EASE_OFF_SLOTS + 1), false);
      }
    }
  }
  return days;
}
