import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTrafficCsv, type WriteTrafficCsvOptions } from './writeTrafficCsv.js';

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traffic-faults-'));
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

async function lines(name: string, options: Omit<WriteTrafficCsvOptions, 'out'>) {
  const out = path.join(tmpDir, name);
  const result = await writeTrafficCsv({ ...options, out });
  return { result, lines: fs.readFileSync(out, 'utf8').trimEnd().split('\n').slice(1) };
}

/** "2026-10-06T11:00" -> the CSV's Time and Date cells: "11:00:00 AM", 6. */
function cells(label: string): { time: string; day: number } {
  const hour = Number(label.slice(11, 13));
  const minute = label.slice(14, 16);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return { time: `${hour12}:${minute}:00 ${hour < 12 ? 'AM' : 'PM'}`, day: Number(label.slice(8, 10)) };
}

const rowAt = (all: readonly string[], label: string, junction: string): string | undefined => {
  const { time, day } = cells(label);
  return all.find((l) => l.startsWith(`${time},${day},`) && l.endsWith(`,${junction}`));
};

describe('injected detector faults', () => {
  it('are off by default, deterministic by seed, and leave rows outside them as in the clean file', async () => {
    const clean = await lines('clean.csv', { days: 7 });
    expect(clean.result.faults).toEqual([]);
    const a = await lines('a.csv', { days: 7, faults: { stuck: 2, missing: 2, spike: 2, negative: 2 } });
    const b = await lines('b.csv', { days: 7, faults: { stuck: 2, missing: 2, spike: 2, negative: 2 } });
    expect(a.result.faults).toEqual(b.result.faults);
    expect(a.lines).toEqual(b.lines);
    expect(a.result.faults).toHaveLength(8);
    const missing = a.result.faults.filter((f) => f.kind === 'missing').reduce((n, f) => n + f.slots, 0);
    expect(a.lines).toHaveLength(clean.lines.length - missing);
    const cleanSet = new Set(clean.lines);
    const changed = a.lines.filter((l) => !cleanSet.has(l)).length;
    const altered = a.result.faults.filter((f) => f.kind !== 'missing').reduce((n, f) => n + f.slots, 0);
    // Stuck rows repeat the first one unchanged, so at most the altered rows differ.
    expect(changed).toBeLessThanOrEqual(altered);
    expect(changed).toBeGreaterThan(0);
  });

  it('write each kind as listed: rows absent, repeated, -1 or far above', async () => {
    const { result, lines: all } = await lines('kinds.csv', { days: 10, faults: { stuck: 1, missing: 1, spike: 1, negative: 1 } });
    for (const fault of result.faults) {
      const first = rowAt(all, fault.start, fault.junction);
      if (fault.kind === 'missing') expect(first).toBeUndefined();
      if (fault.kind === 'negative') expect(first?.split(',').slice(3, 8)).toEqual(['-1', '-1', '-1', '-1', '-1']);
      if (fault.kind === 'spike') expect(Number(first?.split(',')[7])).toBeGreaterThan(6 * 60);
      if (fault.kind === 'stuck') {
        const last = new Date(Date.parse(`${fault.end}Z`) - 15 * 60_000).toISOString().slice(0, 16);
        expect(rowAt(all, last, fault.junction)?.split(',').slice(3, 9)).toEqual(first?.split(',').slice(3, 9));
      }
    }
  });
});
