import { describe, expect, it } from 'vitest';
import { DEFAULT_PREDICT_SETTINGS, type PredictSettings } from '../../../shared/predict/predictContract';
import { featureOptions, MAX_MODEL_COLUMNS, resolveSettings, resolveTarget } from './effectiveSettings';

const settings = (change: Partial<PredictSettings>): PredictSettings => ({ ...DEFAULT_PREDICT_SETTINGS, ...change });

describe('the settings in effect', () => {
  it('resolves the target: the chosen numeric column, else Total (exact, then any case), else the first', () => {
    expect(resolveTarget(['Cars', 'Total'], 'Cars')).toBe('Cars');
    expect(resolveTarget(['Cars', 'Total'], 'Missing')).toBe('Total');
    expect(resolveTarget(['Cars', 'total', 'Total'], null)).toBe('Total');
    expect(resolveTarget(['Cars', 'TOTAL'], null)).toBe('TOTAL');
    expect(resolveTarget(['Cars', 'Bikes'], null)).toBe('Cars');
    expect(resolveTarget([], 'Total')).toBeNull();
  });

  it('drops what the data cannot give and says so through the effective settings', () => {
    const resolved = resolveSettings(settings({ target: 'Gone', rawColumns: ['Total', 'Cars', 'Unknown', 'Cars'] }), { numericColumns: ['Total', 'Cars'], hasTime: false });
    expect(resolved.target).toBe('Total');
    expect(resolved.targetColumn).toBe(0);
    expect(resolved.settings.target).toBeNull();
    expect(resolved.settings.derived).toEqual(['lag1', 'lag2', 'lag4']);
    expect(resolved.settings.rawColumns).toEqual(['Cars']);
    expect(resolved.layout?.names).toEqual(['Total[t−1]', 'Total[t−2]', 'Total[t−4]', 'Cars']);
  });

  it("forecasts the file's main measure when no target is chosen (a total found in the data, which names cannot tell)", () => {
    const input = { numericColumns: ['Cyclist East', 'Cyclist West', 'Sidewalks'], hasTime: true, mainMeasure: 'Sidewalks' };
    expect(resolveSettings(settings({ target: null }), input)).toMatchObject({ target: 'Sidewalks', targetColumn: 2, settings: { target: null } });
    expect(resolveSettings(settings({ target: 'Gone' }), input).target).toBe('Sidewalks');
    expect(resolveSettings(settings({ target: 'Cyclist West' }), input).target).toBe('Cyclist West');
  });

  it('keeps a valid chosen target, even when it is not the default one', () => {
    const resolved = resolveSettings(settings({ target: 'Cars', rawColumns: ['Total'] }), { numericColumns: ['Total', 'Cars'], hasTime: true });
    expect(resolved.settings.target).toBe('Cars');
    expect(resolved.targetColumn).toBe(1);
    expect(resolved.settings.rawColumns).toEqual(['Total']);
    expect(resolved.layout?.names).toContain('Cars[t−1 day]');
  });

  it('has no layout when there is no numeric column to forecast', () => {
    const resolved = resolveSettings(settings({ rawColumns: ['x'] }), { numericColumns: [], hasTime: true });
    expect(resolved).toMatchObject({ target: null, targetColumn: -1, layout: null });
    expect(resolved.settings.rawColumns).toEqual([]);
  });

  it('drops raw columns beyond the widest model the memory allows', () => {
    const columns = ['Total', ...Array.from({ length: 100 }, (_, i) => `c${i}`)];
    const polynomial = resolveSettings(settings({ rawColumns: columns.slice(1), model: { kind: 'polynomial', lambda: 1 } }), { numericColumns: columns, hasTime: true });
    expect(polynomial.layout!.width).toBeLessThanOrEqual(MAX_MODEL_COLUMNS);
    expect(polynomial.settings.rawColumns).toEqual(columns.slice(1, 1 + polynomial.settings.rawColumns.length));
    expect(polynomial.settings.rawColumns.length).toBeGreaterThan(5);
    const linear = resolveSettings(settings({ rawColumns: columns.slice(1) }), { numericColumns: columns, hasTime: true });
    expect(linear.settings.rawColumns).toHaveLength(100);
  });

  it('offers the time-based features only when the data has a timestamp', () => {
    expect(featureOptions(true).every((option) => option.available && option.reason === null)).toBe(true);
    const withoutTime = featureOptions(false);
    expect(withoutTime.filter((option) => !option.available).map((option) => option.id)).toEqual(['timeOfDay', 'dayOfWeek', 'sameTimeYesterday']);
    expect(withoutTime.find((option) => option.id === 'timeOfDay')).toMatchObject({ label: 'Time of day (cyclic)', reason: 'The data has no timestamp.' });
  });
});
