import { describe, expect, it } from 'vitest';
import { DEFAULT_PREDICT_SETTINGS } from '../../../../shared/predict/predictContract';
import { rawColumnChoices, settingsEqual, shownTarget, withDerived, withRawColumn, withTarget } from './settingsEdit';

const columns = ['CarCount', 'BikeCount', 'BusCount', 'Total'];

describe('prediction settings edits', () => {
  it('shows the chosen target, else the resolved one', () => {
    expect(shownTarget(DEFAULT_PREDICT_SETTINGS, 'Total')).toBe('Total');
    expect(shownTarget({ ...DEFAULT_PREDICT_SETTINGS, target: 'CarCount' }, 'Total')).toBe('CarCount');
    expect(rawColumnChoices(columns, 'Total')).toEqual(['CarCount', 'BikeCount', 'BusCount']);
  });

  it('drops a new target from the raw inputs', () => {
    const settings = { ...DEFAULT_PREDICT_SETTINGS, rawColumns: ['CarCount', 'BusCount'] };
    expect(withTarget(settings, 'CarCount')).toEqual({ ...settings, target: 'CarCount', rawColumns: ['BusCount'] });
  });

  it('keeps derived features in their canonical order', () => {
    const none = { ...DEFAULT_PREDICT_SETTINGS, derived: [] };
    const some = withDerived(withDerived(none, 'lag2', true), 'timeOfDay', true);
    expect(some.derived).toEqual(['timeOfDay', 'lag2']);
    expect(withDerived(some, 'lag2', false).derived).toEqual(['timeOfDay']);
    expect(withDerived(some, 'timeOfDay', true).derived).toEqual(['timeOfDay', 'lag2']);
  });

  it('keeps raw columns in the file’s order', () => {
    const one = withRawColumn(DEFAULT_PREDICT_SETTINGS, 'BusCount', true, columns);
    expect(withRawColumn(one, 'CarCount', true, columns).rawColumns).toEqual(['CarCount', 'BusCount']);
    expect(withRawColumn(one, 'BusCount', false, columns).rawColumns).toEqual([]);
  });

  it('compares settings by value, lists as sets', () => {
    const a = { ...DEFAULT_PREDICT_SETTINGS, rawColumns: ['CarCount', 'BusCount'] };
    const b = { ...structuredClone(a), rawColumns: ['BusCount', 'CarCount'] };
    expect(settingsEqual(a, b)).toBe(true);
    expect(settingsEqual(a, { ...a, anomalyK: 4 })).toBe(false);
    expect(settingsEqual(a, { ...a, history: { kind: 'fileDays', days: 8 } })).toBe(false);
    expect(settingsEqual(a, { ...a, model: { kind: 'ridge', lambda: 1 } })).toBe(false);
  });
});
