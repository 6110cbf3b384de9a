import { describe, expect, it } from 'vitest';
import { sparklineSegments } from './sparkline';

describe('sparkline', () => {
  it('scales values into the box from zero, highest at the top', () => {
    expect(sparklineSegments([0, 5, 10], 100, 20)).toEqual(['0,20 50,10 100,0']);
  });

  it('breaks the line where an interval has no rows', () => {
    expect(sparklineSegments([2, null, 4, 4], 30, 10)).toEqual(['0,5', '20,0 30,0']);
  });

  it('draws nothing without values, and a flat line for constant values', () => {
    expect(sparklineSegments([null, null], 10, 10)).toEqual([]);
    expect(sparklineSegments([], 10, 10)).toEqual([]);
    expect(sparklineSegments([0, 0], 10, 10)).toEqual(['0,10 10,10']);
  });
});
