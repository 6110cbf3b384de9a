import { describe, expect, it } from 'vitest';
import { MAX_LOCATIONS_SENT } from '../../../shared/analysis/analysisContract';
import type { HealthView, LocationHealth } from '../../../shared/health/healthContract';
import { healthPanel } from './analysisStage';

const location = (name: string, status: LocationHealth['status']): LocationHealth => ({
  location: name,
  status,
  reason: status === 'ok' ? 'OK' : 'checked',
  since: null,
  cadenceMs: 900_000,
  rows: 96,
  firstTime: 0,
  lastTime: 0,
  coverage: 1,
  days: [],
  flagCounts: {},
});

describe('the data quality panel past its location cap', () => {
  it('counts every location’s status, and sends the ones in trouble first', () => {
    // 1,276 sites (Chicago's count), the last ones by name bad or suspect.
    const locations = Array.from({ length: 1276 }, (_, i) => location(`site ${i + 1}`, i >= 1270 ? 'bad' : i >= 1260 ? 'suspect' : 'ok'));
    const view: HealthView = {
      locations,
      flags: [],
      counts: { rowsGiven: 1276, rowsChecked: 1276, rowsWithoutTime: 0, duplicateTimes: 0, outOfOrder: 0, flagsRaised: 16, flagsKept: 16, flagsDropped: 0, byCheck: {} },
      columns: { measure: 'volume', total: null, parts: [], flow: null, occupancy: null, speed: null },
    };
    const panel = healthPanel(view, 1276);
    expect(panel.locationCount).toBe(1276);
    expect(panel.statusCounts).toEqual({ ok: 1260, suspect: 10, bad: 6 });
    expect(panel.locations).toHaveLength(MAX_LOCATIONS_SENT);
    expect(panel.locations.slice(0, 16).map((sent) => sent.status)).toEqual([...Array<string>(6).fill('bad'), ...Array<string>(10).fill('suspect')]);
  });
});
