import { describe, expect, it } from 'vitest';
import { series } from './testView';
import { anomalyMarks, dotsPath, newestFirst, scatterAxis, timePoints, timeSpan } from './chartData';

describe('prediction chart data', () => {
  it('pairs the residual band for a range area', () => {
    const points = timePoints(series('J01', 2));
    expect(points).toEqual([
      { x: 0, actual: 10, predicted: 11, band: [8, 14] },
      { x: 1000, actual: 11, predicted: 12, band: [9, 15] },
    ]);
    expect(timeSpan(points)).toBe(1000);
    expect(timeSpan([])).toBe(0);
  });

  it('marks anomalies on the actual line', () => {
    const withAnomaly = { ...series('J01'), anomalies: [{ time: 5, location: 'J01', actual: 90, predicted: 20, z: 4.2 }] };
    expect(anomalyMarks(withAnomaly)).toEqual([{ x: 5, actual: 90, predicted: 20, z: 4.2 }]);
  });

  it('gives the scatter one padded axis on round numbers for both sides', () => {
    expect(scatterAxis([])).toBeNull();
    expect(scatterAxis([{ actual: 0, predicted: 10 }, { actual: 20, predicted: 5 }])).toEqual({ domain: [-5, 25], ticks: [-5, 0, 5, 10, 15, 20, 25] });
    expect(scatterAxis([{ actual: -9.35, predicted: 10 }, { actual: 284.4, predicted: 5 }])?.domain).toEqual([-50, 300]);
    expect(scatterAxis([{ actual: 0.012, predicted: 0.013 }, { actual: 0.02, predicted: 0.019 }])?.ticks).toEqual([0.01, 0.012, 0.014, 0.016, 0.018, 0.02, 0.022]);
    expect(scatterAxis([{ actual: 3, predicted: 3 }])?.domain).toEqual([2, 4]);
  });

  it('lists anomalies newest first', () => {
    const a = (time: number) => ({ time, location: 'J01', actual: 1, predicted: 2, z: 3 });
    expect(newestFirst([a(2), a(9), a(5)]).map((x) => x.time)).toEqual([9, 5, 2]);
  });

  it('draws the scatter as one path: a closed circle per point', () => {
    expect(dotsPath([{ x: 10, y: 20 }], 2)).toBe('M8.0,20.0a2,2 0 1,0 4,0a2,2 0 1,0 -4,0');
    expect(dotsPath([{ x: 1, y: 1 }, { x: 2, y: 2 }]).match(/M/g)).toHaveLength(2);
    expect(dotsPath([])).toBe('');
  });
});
