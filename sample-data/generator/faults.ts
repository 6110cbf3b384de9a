/**
 * Detector faults to inject into a generated file, so the health checker can be tested against a
 * known answer: stuck detectors (the same row repeated for hours), missing stretches (rows not
 * written), implausible spikes and negative values (an error code of -1). Planned from the seed
 * alone, listed with junction and time so a test can check each one is found. Off unless asked
 * for, and drawn from their own random stream, so the clean sample stays byte-identical.
 */
import { mixSeed, mulberry32, randomInt, type Rng } from './random.js';
import { SLOTS_PER_DAY, type TrafficCounts } from './trafficModel.js';

export const FAULT_KINDS = ['stuck', 'missing', 'spike', 'negative'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How many faults of each kind to inject. */
export type FaultCounts = Partial<Record<FaultKind, number>>;

/** What `--faults` injects: a few of each kind. */
export const DEFAULT_FAULT_COUNTS: Readonly<Record<FaultKind, number>> = { stuck: 3, missing: 3, spike: 3, negative: 3 };

/** One entry of the faults JSON. Times are local to the data, `YYYY-MM-DDTHH:MM`; `end` is exclusive. */
export interface InjectedFault {
  readonly kind: FaultKind;
  readonly junction: string;
  readonly start: string;
  readonly end: string;
  /** 15-minute slots affected. */
  readonly slots: number;
}

/** The faults and, per affected row (`slot * junctionCount + junction`), what to do with it. */
export interface FaultPlan {
  readonly faults: InjectedFault[];
  readonly rows: Map<number, FaultKind>;
}

const MS_PER_SLOT = 15 * 60_000;
/** Stuck runs start in the daytime (08:00–15:00) so the stuck value is a clearly non-zero count. */
const DAYTIME_SLOTS: readonly [number, number] = [32, 60];

function slotLabel(startUtcMs: number, slot: number): string {
  return new Date(startUtcMs + slot * MS_PER_SLOT).toISOString().slice(0, 16);
}

function lengthOf(kind: FaultKind, rng: Rng): number {
  if (kind === 'stuck') return randomInt(rng, 12, 24); // 3–6 h
  if (kind === 'missing') return randomInt(rng, 4, 16); // 1–4 h
  return 1;
}

/**
 * Faults after the first two days (a checker needs some history to know what is usual) and
 * before the last slot; never two at one junction within a day of each other, so each stays
 * a separate, recognisable fault.
 */
export function planFaults(
  junctionIds: readonly string[],
  seed: number,
  startUtcMs: number,
  totalSlots: number,
  counts: FaultCounts,
): FaultPlan {
  const rng = mulberry32(mixSeed(seed, 0x46415554));
  const faults: InjectedFault[] = [];
  const rows = new Map<number, FaultKind>();
  const taken: { junction: number; from: number; to: number }[] = [];
  const firstDay = 2;
  const lastDay = Math.floor(totalSlots / SLOTS_PER_DAY) - 1;
  if (lastDay <= firstDay) return { faults, rows };
  for (const kind of FAULT_KINDS) {
    for (let k = 0; k < (counts[kind] ?? 0); k++) {
      for (let attempt = 0; attempt < 50; attempt++) {
        const junction = randomInt(rng, 0, junctionIds.length - 1);
        const day = randomInt(rng, firstDay, lastDay - 1);
        const [lo, hi] = kind === 'stuck' ? DAYTIME_SLOTS : [0, SLOTS_PER_DAY - 1];
        const start = day * SLOTS_PER_DAY + randomInt(rng, lo, hi);
        const slots = lengthOf(kind, rng);
        const clash = taken.some((t) => t.junction === junction && start < t.to + SLOTS_PER_DAY && t.from < start + slots + SLOTS_PER_DAY);
        if (clash) continue;
        taken.push({ junction, from: start, to: start + slots });
        for (let s = start; s < start + slots; s++) rows.set(s * junctionIds.length + junction, kind);
        faults.push({
          kind,
          junction: junctionIds[junction] as string,
          start: slotLabel(startUtcMs, start),
          end: slotLabel(startUtcMs, start + slots),
          slots,
        });
        break;
      }
    }
  }
  faults.sort((a, b) => a.start.localeCompare(b.start) || a.junction.localeCompare(b.junction));
  return { faults, rows };
}

/** A spike: the car count jumps by 6–10 times the junction's busiest level (a miscounting loop). */
export function spiked(counts: TrafficCounts, scale: number, rng: Rng): TrafficCounts {
  const car = counts.car + Math.round(scale * (6 + 4 * rng()));
  return { ...counts, car, total: car + counts.bike + counts.bus + counts.truck, situation: 'heavy' };
}

/** A negative reading: the detector's error code -1 in every count. */
export function negative(counts: TrafficCounts): TrafficCounts {
  return { ...counts, car: -1, bike: -1, bus: -1, truck: -1, total: -1 };
}
