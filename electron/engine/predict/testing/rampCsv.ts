/**
 * A CSV a traffic engineer would call normal: a few sensors counting every 15 minutes, quiet at
 * night, a steep morning ramp between 05:00 and 06:00 to a plateau, an evening peak, with count
 * noise that grows with the level (Poisson-like) — and, when asked, one incident where a sensor's
 * count collapses for an hour. Seeded, so a failure replays exactly. Also the sum of two parts
 * (Cars + Trucks = Total) for the leakage case.
 */
import { writeFileSync } from 'node:fs';
import { HOUR_MS, MINUTE_MS, normal, seededRandom } from './testRows';

export interface RampOptions {
  days: number;
  sensors: number;
  seed?: number;
  /** One sensor's count drops to a tenth from `start` (epoch ms) for an hour. */
  incident?: { sensor: number; start: number };
}

/** 2026-03-02 00:00 UTC, a Monday. */
export const RAMP_START = Date.UTC(2026, 2, 2);
export const RAMP_STEP_MS = 15 * MINUTE_MS;

/** Expected count at an hour of the day: 40 at night, a 05:00–06:00 ramp to 600, an evening peak. */
export function rampLevel(hour: number): number {
  const ramp = Math.min(1, Math.max(0, hour - 5)) * Math.min(1, Math.max(0, 21 - hour));
  return 40 + 560 * ramp + 200 * Math.exp(-((hour - 17) ** 2) / 2);
}

export const sensorName = (sensor: number): string => `S${String(sensor + 1).padStart(2, '0')}`;

export function writeRampCsv(path: string, options: RampOptions): void {
  const random = seededRandom(options.seed ?? 11);
  const lines = ['Time,Sensor,Total,Cars,Trucks'];
  const steps = (options.days * 24 * HOUR_MS) / RAMP_STEP_MS;
  for (let step = 0; step < steps; step++) {
    const time = RAMP_START + step * RAMP_STEP_MS;
    const hour = (time % (24 * HOUR_MS)) / HOUR_MS;
    for (let sensor = 0; sensor < options.sensors; sensor++) {
      const level = rampLevel(hour) * (1 + 0.25 * sensor);
      let total = Math.max(0, Math.round(level + Math.sqrt(level) * normal(random)));
      const incident = options.incident;
      if (incident && sensor === incident.sensor && time >= incident.start && time < incident.start + HOUR_MS) total = Math.round(total / 10);
      const trucks = Math.round(total * 0.1);
      const iso = new Date(time).toISOString().slice(0, 16).replace('T', ' ');
      lines.push(`${iso},${sensorName(sensor)},${total},${total - trucks},${trucks}`);
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}
