import { describe, expect, it } from 'vitest';
import { DEFAULT_SQL_SETTINGS } from '../../../../shared/sql/sqlContract';
import { fromForm, toForm } from './settingsForm';

describe('SQL settings form', () => {
  it('round-trips the settings', () => {
    const form = toForm(DEFAULT_SQL_SETTINGS);
    expect(form).toEqual({ maxRowsOn: true, maxRows: '1000000', maxMinutesOn: false, maxMinutes: '60', timeoutSeconds: '10' });
    expect(fromForm(form)).toEqual({ ok: true, settings: DEFAULT_SQL_SETTINGS });
  });

  it('switches each retention bound off independently', () => {
    const form = { ...toForm(DEFAULT_SQL_SETTINGS), maxRowsOn: false, maxMinutesOn: true, maxMinutes: '2.5' };
    expect(fromForm(form)).toEqual({ ok: true, settings: { retention: { maxRows: null, maxMinutes: 2.5 }, timeoutSeconds: 10 } });
  });

  it('ignores the text of a switched-off field', () => {
    expect(fromForm({ ...toForm(DEFAULT_SQL_SETTINGS), maxRowsOn: false, maxRows: 'abc' }).ok).toBe(true);
  });

  it('explains bad input in words', () => {
    const form = toForm(DEFAULT_SQL_SETTINGS);
    expect(fromForm({ ...form, maxRows: '1.5' })).toEqual({ ok: false, message: 'Max rows must be a whole number above 0.' });
    expect(fromForm({ ...form, maxMinutesOn: true, maxMinutes: '0' })).toEqual({ ok: false, message: 'Max minutes must be a number above 0.' });
    expect(fromForm({ ...form, timeoutSeconds: '' })).toEqual({ ok: false, message: 'The query timeout must be a number of seconds above 0.' });
    expect(fromForm({ ...form, timeoutSeconds: '99999' })).toEqual({ ok: false, message: 'The query timeout is too large.' });
    expect(fromForm({ ...form, maxRows: '900000000' })).toEqual({ ok: false, message: 'Max rows is too large.' });
  });
});
