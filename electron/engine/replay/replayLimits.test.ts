import { describe, expect, it } from 'vitest';
import type { Pace, ReplayLimits } from '../../../shared/contract';
import { DEFAULT_LIMITS, etaSeconds, limitReached, msUntilLimit, type EtaInputs } from './replayLimits';

const limits = (overrides: Partial<ReplayLimits>): ReplayLimits => ({ ...DEFAULT_LIMITS, ...overrides });
const FAST: Pace = { mode: 'fast' };
const AT_60X: Pace = { mode: 'event', speed: 60, maxGapSeconds: null };

function inputs(overrides: Partial<EtaInputs>): EtaInputs {
  return { limits: DEFAULT_LIMITS, activeMs: 0, rowsAccepted: 0, pace: FAST, rate: 0, eventTime: null, lastEventTime: null, totalRows: null, position: 0, ...overrides };
}

describe('limitReached', () => {
  it('says which limit ended the replay, in words', () => {
    expect(limitReached({ limits: limits({ durationSeconds: 30 }), activeMs: 30_000, rowsAccepted: 5 })).toBe('Stopped after 30 s: the duration limit.');
    expect(limitReached({ limits: limits({ durationSeconds: 120 }), activeMs: 120_000, rowsAccepted: 5 })).toBe('Stopped after 2 min: the duration limit.');
    expect(limitReached({ limits: limits({ rows: 1500 }), activeMs: 1, rowsAccepted: 1500 })).toBe('Stopped after 1,500 rows: the row limit.');
  });

  it('lets the replay go on below its limits, and forever without any', () => {
    expect(limitReached({ limits: limits({ durationSeconds: 30, rows: 1500 }), activeMs: 29_999, rowsAccepted: 1499 })).toBeNull();
    expect(limitReached({ limits: DEFAULT_LIMITS, activeMs: 1e9, rowsAccepted: 1e9 })).toBeNull();
  });
});

describe('msUntilLimit', () => {
  it('is the duration left, or infinite without a duration limit', () => {
    expect(msUntilLimit({ limits: limits({ durationSeconds: 30 }), activeMs: 12_000 })).toBe(18_000);
    expect(msUntilLimit({ limits: limits({ rows: 10 }), activeMs: 12_000 })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('etaSeconds', () => {
  it('by the data clock: the event time left to the file end, divided by the speed', () => {
    // 2 hours of data left at 60×: 2 minutes.
    expect(etaSeconds(inputs({ pace: AT_60X, eventTime: 0, lastEventTime: 2 * 3_600_000, rate: 40 }))).toBe(120);
  });

  it('by rows: the rows left at the current rate', () => {
    expect(etaSeconds(inputs({ totalRows: 1_000_000, position: 400_000, rate: 300_000 }))).toBe(2);
  });

  it('takes the nearest of the file end and the limits', () => {
    const at = inputs({ totalRows: 1_000_000, position: 0, rate: 100_000, activeMs: 1000 });
    expect(etaSeconds({ ...at, limits: limits({ durationSeconds: 4 }) })).toBe(3); // 4 s limit, 1 s gone; file end in 10 s
    expect(etaSeconds({ ...at, limits: limits({ rows: 200_000 }) })).toBe(2);
  });

  it('ignores the file end when looping, and is unknown with nothing to go by', () => {
    expect(etaSeconds(inputs({ limits: limits({ loop: true }), totalRows: 1000, rate: 10 }))).toBeNull();
    expect(etaSeconds(inputs({ totalRows: 1000, rate: 0 }))).toBeNull();
  });

  it('never goes below zero', () => {
    expect(etaSeconds(inputs({ limits: limits({ durationSeconds: 5 }), activeMs: 9000 }))).toBe(0);
  });
});
