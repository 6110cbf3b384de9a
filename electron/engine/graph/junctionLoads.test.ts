import { describe, expect, it } from 'vitest';
import { JunctionLoads } from './junctionLoads';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 5, 8, 0);

/** One-hour window (15-minute slots), 8 slots of history. */
function loads(): JunctionLoads {
  return new JunctionLoads(60 * MIN, 8);
}

describe('junction loads', () => {
  it('sums the measure over the last window per location', () => {
    const l = loads();
    // J1 every 15 minutes for two hours: 10, 20, ..., 80.
    for (let i = 0; i < 8; i++) l.add('J1', T0 + i * 15 * MIN, (i + 1) * 10, []);
    l.add('J2', T0 + 7 * 15 * MIN, 5, []);
    // The window is the newest four 15-minute slots: 50 + 60 + 70 + 80.
    expect(l.load('J1')).toBe(260);
    expect(l.load('J2')).toBe(5);
    expect(l.windowEnd()).toBe(T0 + 8 * 15 * MIN);
    expect(l.ids()).toEqual(['J1', 'J2']);
  });

  it('gives no load (not zero) to a location silent during the window', () => {
    const l = loads();
    l.add('quiet', T0, 100, []);
    l.add('busy', T0 + 3 * 60 * MIN, 40, []);
    expect(l.load('quiet')).toBeNull();
    expect(l.load('busy')).toBe(40);
    expect(l.load('never seen')).toBeNull();
  });

  it('keeps a trend of per-slot sums with gaps, oldest first', () => {
    const l = loads();
    l.add('J1', T0, 1, []);
    l.add('J1', T0 + 5 * MIN, 2, []); // same slot as the first row
    l.add('J1', T0 + 30 * MIN, 4, []); // slot 2; slot 1 is a gap
    expect(l.trend('J1', 3)).toEqual([3, null, 4]);
    expect([...l.series('J1').slice(-3)].map((v) => (Number.isNaN(v) ? 'gap' : v))).toEqual([3, 'gap', 4]);
  });

  it('forgets slots older than the history and counts rows that arrive too late for it', () => {
    const l = loads();
    l.add('J1', T0, 7, []);
    l.add('J1', T0 + 8 * 15 * MIN, 1, []); // eight slots later: the first slot's cell is reused
    expect(l.trend('J1')).toEqual([null, null, null, null, null, null, null, 1]);
    l.add('J1', T0, 9, []); // a row from the forgotten slot
    expect(l.tooOld).toBe(1);
    expect(l.trend('J1').at(-1)).toBe(1);
  });

  it('keeps the newest row of each location for the threshold mark, whatever the arrival order', () => {
    const l = loads();
    l.add('J1', T0 + 15 * MIN, 60, ['J1', 60]);
    l.add('J1', T0, 10, ['J1', 10]); // an older row arriving late
    expect(l.state('J1')?.latestValues).toEqual(['J1', 60]);
    expect(l.state('J1')?.latestValue).toBe(60);
  });

  it('counts rows whose measure is missing as present with nothing added', () => {
    const l = loads();
    l.add('J1', T0, null, []);
    expect(l.load('J1')).toBe(0);
  });
});
