import { describe, expect, it } from 'vitest';
import { sampleRows } from '../testing/sampleCity';
import { CadenceEstimator } from './cadence';

describe('cadence', () => {
  it('the sample city reads every 15 minutes', () => {
    const estimator = new CadenceEstimator();
    for (const row of sampleRows()) estimator.observe(row.junction, row.time);
    expect(estimator.cadenceMs).toBe(15 * 60_000);
    expect(estimator.settled).toBe(true);
  });

  it('is the most common gap, not thrown by an outage', () => {
    const estimator = new CadenceEstimator();
    expect(estimator.cadenceMs).toBeNull();
    for (const time of [0, 5, 10, 15, 1000, 1005, 1005, 1010]) estimator.observe('A', time);
    expect(estimator.cadenceMs).toBe(5);
  });
});
