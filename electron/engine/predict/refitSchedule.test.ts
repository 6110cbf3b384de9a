import { describe, expect, it } from 'vitest';
import { minTrainingRows, RefitSchedule } from './refitSchedule';

const REFIT = { everyRows: 1000, everySeconds: 2, windowRows: 50_000 };

describe('when the model refits', () => {
  it('waits for at least 50 rows, and 3 per input for a wide model, before the first fit', () => {
    expect(minTrainingRows(0)).toBe(50);
    expect(minTrainingRows(11)).toBe(50);
    expect(minTrainingRows(40)).toBe(120);
  });

  it('refits after K new rows, or after T seconds when at least one new row came', () => {
    const schedule = new RefitSchedule();
    schedule.fitted(50_000, 10_000);
    expect(schedule.dueByTime(REFIT, 60_000)).toBe(false); // nothing new to learn
    schedule.learnt();
    expect(schedule.dueByTime(REFIT, 11_999)).toBe(false);
    expect(schedule.dueByTime(REFIT, 12_000)).toBe(true);
    for (let i = 1; i < 999; i++) schedule.learnt();
    expect(schedule.dueByRows(REFIT)).toBe(false);
    schedule.learnt();
    expect(schedule.dueByRows(REFIT)).toBe(true);
    schedule.fitted(51_000, 12_500);
    expect(schedule.dueByRows(REFIT)).toBe(false);
  });

  it('refits a young model each time its training rows double, so the first crude fit does not last', () => {
    const schedule = new RefitSchedule();
    schedule.fitted(60, 0);
    for (let i = 0; i < 59; i++) schedule.learnt();
    expect(schedule.dueByRows(REFIT)).toBe(false);
    schedule.learnt();
    expect(schedule.dueByRows(REFIT)).toBe(true);
  });

  it('forgets the rows of a previous run', () => {
    const schedule = new RefitSchedule();
    schedule.fitted(5000, 0);
    schedule.learnt();
    schedule.forgetNewRows();
    expect(schedule.dueByTime(REFIT, 1e9)).toBe(false);
  });
});
