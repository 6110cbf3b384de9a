import { describe, expect, it } from 'vitest';
import { checkLeakage } from './leakageCheck';
import { normal, seededRandom } from './testing/testRows';

/** Training rows with columns [lag1, Cars, Bikes, Buses, Trucks, Noise]. */
function rows(target: (parts: number[], random: () => number) => number): { x: Float64Array; y: Float64Array } {
  const random = seededRandom(11);
  const n = 500;
  const x = new Float64Array(n * 6);
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const parts = [50 + 30 * random(), 10 + 10 * random(), 3 * random(), 5 * random()];
    const lag = 100 * random();
    const noise = 1000 * random();
    x.set([lag, ...parts, noise], r * 6);
    y[r] = target(parts, random);
  }
  return { x, y };
}

const RAW = { positions: [1, 2, 3, 4], names: ['CarCount', 'BikeCount', 'BusCount', 'TruckCount'] };

describe('the leakage check', () => {
  it('flags a target that is the sum of the raw columns, in plain words', () => {
    const { x, y } = rows((parts) => parts.reduce((s, v) => s + v, 0));
    const leakage = checkLeakage([{ x, y }], 6, RAW, 'Total');
    expect(leakage).not.toBeNull();
    expect(leakage!.columns).toEqual(RAW.names);
    expect(leakage!.r2).toBeGreaterThan(0.999);
    expect(leakage!.message).toBe(
      'Total is reconstructed from CarCount, BikeCount, BusCount, TruckCount in the same interval (R² 1.000): they are not known before the interval they would forecast, so the forecast is not a forecast.',
    );
  });

  it('flags a single raw column that moves with the target', () => {
    const { x, y } = rows((parts, random) => 2 * (parts[0] as number) + 0.1 * normal(random));
    const leakage = checkLeakage([{ x, y }], 6, RAW, 'Total');
    expect(leakage!.columns).toEqual(['CarCount']);
    expect(leakage!.message).toMatch(/^CarCount moves with Total in the same interval \(correlation 1\.000\): it is not known before the interval it would forecast/);
  });

  it('leaves a noisy, unrelated raw column alone', () => {
    const { x, y } = rows((_, random) => 100 + 20 * normal(random));
    expect(checkLeakage([{ x, y }], 6, { positions: [5], names: ['Noise'] }, 'Total')).toBeNull();
    // Parts that explain only some of the target are a fair input too.
    const { x: x2, y: y2 } = rows((parts, random) => (parts[0] as number) + 15 * normal(random));
    expect(checkLeakage([{ x: x2, y: y2 }], 6, RAW, 'Total')).toBeNull();
  });

  it('has nothing to check without raw columns or rows', () => {
    const { x, y } = rows((parts) => parts[0] as number);
    expect(checkLeakage([{ x, y }], 6, { positions: [], names: [] }, 'Total')).toBeNull();
    expect(checkLeakage([], 6, RAW, 'Total')).toBeNull();
  });
});
