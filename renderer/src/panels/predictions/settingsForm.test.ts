import { describe, expect, it } from 'vitest';
import { DEFAULT_PREDICT_SETTINGS, predictSettingsSchema } from '../../../../shared/predict/predictContract';
import { RULES, fromTrainingForm, parseNumber, toTrainingForm } from './settingsForm';

describe('prediction settings form', () => {
  it('takes its bounds from the contract', () => {
    expect(RULES.lambda).toEqual({ label: 'λ', min: 0, max: 1e6, integer: false });
    expect(RULES.days).toEqual({ label: 'History days', min: 1, max: 366, integer: true });
    expect(RULES.everyRows).toMatchObject({ min: 100, max: 10_000_000, integer: true });
    expect(RULES.anomalyK).toMatchObject({ min: 1, max: 10, integer: false });
  });

  it('reads numbers as typed, thousands separators included', () => {
    expect(parseNumber(' 0.5 ', RULES.lambda)).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('0', RULES.lambda)).toEqual({ ok: true, value: 0 });
    expect(parseNumber('10,000', RULES.everyRows)).toEqual({ ok: true, value: 10_000 });
  });

  it('explains bad input in words', () => {
    expect(parseNumber('', RULES.lambda)).toEqual({ ok: false, message: 'λ must be a number from 0 to 1,000,000.' });
    expect(parseNumber('-1', RULES.lambda).ok).toBe(false);
    expect(parseNumber('2.5', RULES.days)).toEqual({ ok: false, message: 'History days must be a whole number from 1 to 366.' });
    expect(parseNumber('abc', RULES.anomalyK)).toEqual({ ok: false, message: 'Anomaly threshold (σ) must be a number from 1 to 10.' });
    expect(parseNumber('0.4', RULES.everySeconds)).toEqual({ ok: false, message: 'Refit every (seconds) must be a number from 0.5 to 3,600.' });
  });

  it('round-trips the training settings into settings the contract accepts', () => {
    const form = toTrainingForm(DEFAULT_PREDICT_SETTINGS);
    expect(form).toEqual({ everyRows: '5000', everySeconds: '2', windowRows: '50000', anomalyK: '3' });
    expect(fromTrainingForm(form, DEFAULT_PREDICT_SETTINGS)).toEqual({ ok: true, value: DEFAULT_PREDICT_SETTINGS });
    const changed = fromTrainingForm({ everyRows: '1000', everySeconds: '0.5', windowRows: '2000', anomalyK: '2.5' }, DEFAULT_PREDICT_SETTINGS);
    expect(changed.ok && predictSettingsSchema.parse(changed.value)).toMatchObject({ refit: { everyRows: 1000, everySeconds: 0.5, windowRows: 2000 }, anomalyK: 2.5 });
  });

  it('names the first bad field', () => {
    const form = toTrainingForm(DEFAULT_PREDICT_SETTINGS);
    expect(fromTrainingForm({ ...form, windowRows: '50' }, DEFAULT_PREDICT_SETTINGS)).toEqual({ ok: false, message: 'Window (rows) must be a whole number from 100 to 1,000,000.' });
  });
});
