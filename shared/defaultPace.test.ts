import { describe, expect, it } from 'vitest';
import { defaultPaceFor } from './contract';
import type { TimeSource } from './schema';

const DAY = 86_400_000;
const withTime: TimeSource = { kind: 'column', column: 'timestamp', format: 'iso', label: 'timestamp (ISO 8601)' };
const file = (days: number, rows: number) => ({ time: withTime, timeRange: { first: 0, last: days * DAY }, estimatedRows: rows });

describe('the pace a file gets before the user picks one', () => {
  it('replays the sample city (10 junctions, 15-minute counts, 4 weeks) at 3600×: about 40 rows a second, not one slot every 15 s', () => {
    expect(defaultPaceFor(file(27.99, 26_880))).toEqual({ mode: 'event', speed: 3600, maxGapSeconds: 3600 });
  });

  it('picks the preset nearest by ratio, and never goes slower than real time', () => {
    // One junction, one row a minute: 40 rows/s is 2400×, nearest 3600× (ratio 1.5) before 600× (ratio 4).
    expect(defaultPaceFor(file(1, 1440))).toMatchObject({ speed: 3600 });
    // 100 sensors a minute: 24×, nearest 10× (ratio 2.4) rather than 60× (ratio 2.5).
    expect(defaultPaceFor(file(1, 144_000))).toMatchObject({ speed: 10 });
    // A dense log (1M rows in an hour) plays in real time.
    expect(defaultPaceFor(file(1 / 24, 1_000_000))).toMatchObject({ speed: 1 });
  });

  it('falls back to 60× when the span or the rows are unknown, and to 1,000 rows/s without time', () => {
    expect(defaultPaceFor({ time: withTime, timeRange: null, estimatedRows: 500 })).toMatchObject({ mode: 'event', speed: 60 });
    expect(defaultPaceFor({ time: withTime, timeRange: { first: 5, last: 5 }, estimatedRows: 500 })).toMatchObject({ speed: 60 });
    expect(defaultPaceFor({ time: null, timeRange: null, estimatedRows: 500 })).toEqual({ mode: 'rows', rowsPerSecond: 1000 });
  });
});
