import { describe, expect, it } from 'vitest';
import { legendFigures, windowLabel } from './legendFigures';
import { loads } from './testGraph';

describe('legend figures', () => {
  it('spans the load scale from 0 to the busiest junction', () => {
    const figures = legendFigures({ ...loads(1), maxLoad: 12_345 }, 'Total', 60);
    expect(figures.loadMin).toBe('0');
    expect(figures.loadMax).toBe('12,345');
    expect(figures.loadTitle).toBe('Load: sum of Total in the last 1 h');
    expect(legendFigures({ ...loads(1), maxLoad: 7.25 }, 'Total', 60).loadMax).toBe('7.25');
  });

  it('says what congestion 1 means', () => {
    expect(legendFigures(loads(1), 'Total', 15).capacity).toBe('Congestion 1 = 1,800 vehicles per lane per hour');
    expect(legendFigures(null, null, 15)).toMatchObject({ loadMax: '–', capacity: 'Congestion 1 = at capacity', loadTitle: 'Load: sum of rows in the last 15 min' });
    expect(legendFigures(null, null, 15).congestionMax).toBe('≥ 1.5');
  });

  it('writes windows in hours when whole', () => {
    expect(windowLabel(120)).toBe('2 h');
    expect(windowLabel(90)).toBe('90 min');
    expect(windowLabel(0.5)).toBe('0.5 min');
  });
});
