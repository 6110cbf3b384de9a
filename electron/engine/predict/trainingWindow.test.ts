import { describe, expect, it } from 'vitest';
import { fitRegression } from './fitRegression';
import { RawRows } from './rawRows';
import { RingIndex } from './ringIndex';
import { batchOf } from './testing/testRows';
import { trainingParts, TrainingRows } from './trainingWindow';

describe('the training rows', () => {
  it('keep the newest rows of the window once it is full, and their time span', () => {
    const window = new TrainingRows(2, 3);
    for (let i = 1; i <= 5; i++) window.add(Float64Array.from([0, i, 10 * i, 0]), 1, 100 * i, 1000 * i);
    expect(window.size).toBe(3);
    const { x, y } = window.part();
    expect([...y].sort()).toEqual([300, 400, 500]);
    // Each target still sits beside its own inputs.
    for (let r = 0; r < 3; r++) expect(x[r * 2]! * 100).toBe(y[r]);
    expect(window.timeSpan()).toEqual({ from: 3000, to: 5000 });
    window.clear();
    expect(window.size).toBe(0);
    expect(window.timeSpan().from).toBeNaN();
  });

  it('grow their arrays as rows come, so a large window costs memory only once filled', () => {
    const window = new TrainingRows(1, 1_000_000);
    for (let i = 0; i < 1000; i++) window.add(Float64Array.of(i), 0, i, i);
    expect(window.part().y.buffer.byteLength).toBeLessThan(8 * 4096);
    expect(window.size).toBe(1000);
  });

  it('fit as history and window together', () => {
    const history = new TrainingRows(1, 10);
    const window = new TrainingRows(1, 10);
    for (let i = 0; i < 5; i++) history.add(Float64Array.of(i), 0, 2 * i + 1, i);
    for (let i = 5; i < 10; i++) window.add(Float64Array.of(i), 0, 2 * i + 1, i);
    const empty = new TrainingRows(1, 10);
    const parts = trainingParts(history, empty, window);
    expect(parts).toHaveLength(2);
    const fit = fitRegression(parts, 1, { kind: 'linear', lambda: 0 });
    expect(fit.rows).toBe(10);
    expect(fit.coefficients[0]).toBeCloseTo(2, 10);
    expect(fit.intercept).toBeCloseTo(1, 10);
  });
});

describe('the retained raw rows', () => {
  it('give back the newest rows in arrival order, also in a smaller store', () => {
    const raw = new RawRows(2, 3);
    const batch = batchOf(
      [1, 2, 3, 4].map((i) => ({ location: i % 2, time: i * 10, values: [i, -i] })),
      2,
    );
    for (let row = 0; row < batch.count; row++) raw.add(batch, row);
    const held = raw.toBatch();
    expect(held.count).toBe(3);
    expect(Array.from(held.time)).toEqual([20, 30, 40]);
    expect(Array.from(held.location)).toEqual([0, 1, 0]);
    expect(Array.from(held.values)).toEqual([2, -2, 3, -3, 4, -4]);
    const smaller = raw.resized(2);
    expect(Array.from(smaller.toBatch().time)).toEqual([30, 40]);
    expect(raw.resized(10).size).toBe(3);
  });
});

describe('ring slots', () => {
  it('count ages from the oldest held item across the wrap', () => {
    const ring = new RingIndex(3);
    expect([ring.push(), ring.push(), ring.push(), ring.push()]).toEqual([0, 1, 2, 0]);
    expect([ring.slot(0), ring.slot(1), ring.slot(2)]).toEqual([1, 2, 0]);
    expect(ring.size).toBe(3);
    expect(() => new RingIndex(0)).toThrow();
  });
});
