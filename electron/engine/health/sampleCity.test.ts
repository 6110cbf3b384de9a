import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HealthCheck } from '../../../shared/health/healthContract';
import type { FaultKind } from '../../../sample-data/generator/faults';
import { DEFAULTS, writeTrafficCsv } from '../../../sample-data/generator/writeTrafficCsv';
import { createHealthChecker } from './healthChecker';
import { readSampleRecords, SAMPLE_SCHEMA } from '../testing/sampleCity';

const SAMPLE = path.join(__dirname, '../../../sample-data/traffic-sample.csv');
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'health-'));
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

function checkFile(file: string) {
  const records = readSampleRecords(file, DEFAULTS.startDate);
  const checker = createHealthChecker(SAMPLE_SCHEMA);
  for (const record of records) checker.check(record);
  const locationDays = new Set(records.map((r) => `${String(r.values[9])} ${Math.floor((r.time as number) / 86_400_000)}`)).size;
  return { view: checker.view(), rows: records.length, locationDays };
}

/** The check a fault of each kind must raise (independent of what the checker happens to say). */
const EXPECTED: Record<FaultKind, HealthCheck> = { stuck: 'stuck', missing: 'gap', spike: 'spike', negative: 'negative' };

describe('health checker on the sample city', () => {
  it('the clean sample: every row checked, under 1 false flag per location-day (incidents are not faults)', () => {
    const { view, rows, locationDays } = checkFile(SAMPLE);
    expect(view.counts.rowsGiven).toBe(rows);
    expect(view.counts.rowsChecked).toBe(rows);
    expect(locationDays).toBe(280);
    // Every flag here is false: the clean sample has no detector faults.
    expect(view.counts.flagsRaised / locationDays).toBeLessThan(1);
    // Measured when written: 0 flags in 280 location-days; allow a little drift, not a habit.
    expect(view.counts.flagsRaised).toBeLessThanOrEqual(3);
    expect(view.locations.every((l) => l.cadenceMs === 15 * 60_000 && l.coverage === 1)).toBe(true);
  });

  it('the generator with faults injected: every injected fault is flagged at its junction and time', async () => {
    const file = path.join(tmpDir, 'faulted.csv');
    const { faults } = await writeTrafficCsv({ out: file, faults: { stuck: 4, missing: 4, spike: 4, negative: 4 } });
    expect(faults).toHaveLength(16);
    const { view, locationDays } = checkFile(file);
    const overlapsFault = (location: string, start: number, end: number, kind?: FaultKind) =>
      faults.some(
        (f) =>
          f.junction === location &&
          (kind === undefined || f.kind === kind) &&
          start < Date.parse(`${f.end}Z`) &&
          Date.parse(`${f.start}Z`) <= end,
      );
    for (const fault of faults) {
      const found = view.flags.some((flag) => flag.check === EXPECTED[fault.kind] && overlapsFault(flag.location, flag.start, flag.end, fault.kind));
      expect(found, `${fault.kind} at ${fault.junction} ${fault.start}`).toBe(true);
    }
    const unexplained = view.flags.filter((flag) => !overlapsFault(flag.location, flag.start, flag.end));
    expect(unexplained.length / locationDays).toBeLessThan(1);
  });
});
