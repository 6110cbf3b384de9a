import { describe, expect, it } from 'vitest';
import { mayBeCount } from './columnKinds';

describe('which columns may be counts (a total or its part)', () => {
  it.each(['Fremont Bridge Sidewalks, south of N 34th St', 'Fremont Bridge Sidewalks, south of N 34th St Cyclist East Sidewalk', 'Towards Manhattan', 'q_pkw_det_hr', 'train_count'])(
    '%s may be a count: weather words are read as words, not inside others',
    (name) => expect(mayBeCount(name)).toBe(true),
  );

  it.each(['dew_point', 'DewPoint', 'rain_1h', 'qualitaet', 'observed_percent', 'pct_observed', 'HEAVY_VEHICLE_PERC', '% Pesants', 'latitude', 'hour'])(
    '%s is never a count',
    (name) => expect(mayBeCount(name)).toBe(false),
  );
});
