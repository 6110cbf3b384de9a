import { describe, expect, it } from 'vitest';
import { durationText, NEW_WINDOW_FORM, windowStatementOf } from './windowForm';

describe('the New window form', () => {
  it('writes the statement the console would take', () => {
    expect(windowStatementOf(NEW_WINDOW_FORM)).toEqual({ ok: true, sql: 'CREATE WINDOW traffic_15min AS TUMBLE 15 MINUTES' });
    expect(
      windowStatementOf({ ...NEW_WINDOW_FORM, name: ' hourly ', kind: 'hop', size: '1', sizeUnit: 'HOURS', hop: '15', lateness: '30', emit: 'changes' }),
    ).toEqual({ ok: true, sql: 'CREATE WINDOW hourly AS HOP 1 HOURS EVERY 15 MINUTES LATENESS 30 MINUTES EMIT CHANGES' });
  });

  it('says what is missing', () => {
    expect(windowStatementOf({ ...NEW_WINDOW_FORM, name: '' })).toMatchObject({ ok: false, message: expect.stringContaining('name') });
    expect(windowStatementOf({ ...NEW_WINDOW_FORM, kind: 'hop', hop: ' ' })).toMatchObject({ ok: false, message: expect.stringContaining('hop') });
  });

  it('shows durations in the largest whole unit', () => {
    expect([durationText(900_000), durationText(3_600_000), durationText(7_200_000), durationText(0), durationText(90_000)]).toEqual(['15 min', '1 hour', '2 hours', '0', '90 s']);
  });
});
