import { describe, expect, it } from 'vitest';
import { isWindowStatement, parseWindowStatement, type WindowStatement } from './windowStatement';

const MIN = 60_000;

function parsed(sql: string): WindowStatement {
  const result = parseWindowStatement(sql);
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.from}`);
  return result.statement;
}

/** The error and the text it points at, so a test reads like the underline the user sees. */
function failure(sql: string): { message: string; at: string; from: number } {
  const result = parseWindowStatement(sql);
  if (result.ok) throw new Error(`parsed: ${sql}`);
  return { message: result.error.message, at: sql.slice(result.error.from, result.error.to), from: result.error.from };
}

describe('window statements that parse', () => {
  it('a tumbling window', () => {
    expect(parsed('CREATE WINDOW traffic_15min AS TUMBLE 15 MINUTES')).toEqual({
      kind: 'create',
      spec: { name: 'traffic_15min', kind: 'tumble', sizeMs: 15 * MIN, hopMs: 15 * MIN, latenessMs: 0, emit: 'final', measures: null },
    });
  });

  it('a hopping window with lateness and EMIT CHANGES, in any case, with a semicolon', () => {
    expect(parsed('create window Traffic_Hourly as hop 1 hour every 15 minutes lateness 30 minutes emit changes;')).toEqual({
      kind: 'create',
      spec: { name: 'Traffic_Hourly', kind: 'hop', sizeMs: 60 * MIN, hopMs: 15 * MIN, latenessMs: 30 * MIN, emit: 'changes', measures: null },
    });
  });

  it('EMIT before LATENESS, singular and plural units, comments and line breaks', () => {
    const statement = parsed('-- daily\nCREATE WINDOW d AS HOP 2 DAYS\n  EVERY 1 DAY EMIT FINAL LATENESS 90 SECONDS');
    expect(statement).toMatchObject({ spec: { sizeMs: 2 * 86_400_000, hopMs: 86_400_000, latenessMs: 90_000, emit: 'final' } });
    expect(parsed('CREATE WINDOW s AS TUMBLE 1 SECOND')).toMatchObject({ spec: { sizeMs: 1000 } });
    expect(parsed('CREATE WINDOW z AS TUMBLE 1 HOUR LATENESS 0 MINUTES')).toMatchObject({ spec: { latenessMs: 0 } });
  });

  it('chosen measures, bare or quoted', () => {
    expect(parsed('CREATE WINDOW m AS TUMBLE 1 HOUR MEASURES Total, "Car ""fast"" Count" EMIT CHANGES')).toMatchObject({
      spec: { measures: ['Total', 'Car "fast" Count'], emit: 'changes' },
    });
  });

  it('DROP WINDOW', () => {
    expect(parsed('drop window traffic_15min ;')).toEqual({ kind: 'drop', name: 'traffic_15min' });
  });

  it('tells window statements from SQL', () => {
    expect(isWindowStatement('  create  WINDOW x AS TUMBLE 1 HOUR')).toBe(true);
    expect(isWindowStatement('-- note\nDROP WINDOW x')).toBe(true);
    expect(isWindowStatement('SELECT * FROM traffic WINDOW w AS (ORDER BY _time)')).toBe(false);
    expect(isWindowStatement('CREATE TABLE windowed (a)')).toBe(false);
    expect(isWindowStatement('CREATE WINDOWS x')).toBe(false);
  });
});

describe('window statements that do not, with the position of the problem', () => {
  it.each([
    ['SELECT 1', 'Expected CREATE WINDOW or DROP WINDOW, found "SELECT".', 'SELECT'],
    ['CREATE TABLE t AS TUMBLE 1 HOUR', 'Expected WINDOW after CREATE, found "TABLE".', 'TABLE'],
    ['CREATE WINDOW AS TUMBLE 1 HOUR', 'AS is an SQL keyword; choose another name for the window.', 'AS'],
    ['CREATE WINDOW 15min AS TUMBLE 15 MINUTES', 'Expected the window\'s name, found "15".', '15'],
    ['CREATE WINDOW "w" AS TUMBLE 1 HOUR', 'Window names are bare SQL names (letters, digits and _), without quotes.', '"w"'],
    ['CREATE WINDOW traffic AS TUMBLE 1 HOUR', "traffic is the live table's name; choose another name for the window.", 'traffic'],
    ['CREATE WINDOW sqlite_w AS TUMBLE 1 HOUR', 'Names starting with sqlite_ are reserved by SQLite.', 'sqlite_w'],
    ['CREATE WINDOW w TUMBLE 1 HOUR', 'Expected AS after the window\'s name, found "TUMBLE".', 'TUMBLE'],
    ['CREATE WINDOW w AS SLIDE 1 HOUR', 'Expected TUMBLE or HOP, found "SLIDE".', 'SLIDE'],
    ['CREATE WINDOW w AS TUMBLE MINUTES', 'Expected window size (a number and a unit, e.g. 15 MINUTES), found "MINUTES".', 'MINUTES'],
    ['CREATE WINDOW w AS TUMBLE 15', 'Expected a unit after 15 (SECONDS, MINUTES, HOURS or DAYS), found the end.', ''],
    ['CREATE WINDOW w AS TUMBLE 15 MINS', 'Expected a unit after 15 (SECONDS, MINUTES, HOURS or DAYS), found "MINS".', 'MINS'],
    ['CREATE WINDOW w AS TUMBLE 1 MONTH', 'Expected a unit after 1 (SECONDS, MINUTES, HOURS or DAYS), found "MONTH".', 'MONTH'],
    ['CREATE WINDOW w AS TUMBLE 0 MINUTES', 'The window size must be more than 0.', '0'],
    ['CREATE WINDOW w AS TUMBLE 1.5 HOURS', 'Whole numbers only: 1.5 — use a smaller unit (90 MINUTES, not 1.5 HOURS).', '1.5'],
    ['CREATE WINDOW w AS TUMBLE 32 DAYS', 'The window size can be at most 31 days.', '32 DAYS'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR EVERY 15 MINUTES', 'A tumbling window hops by its own size; use HOP … EVERY … for a sliding one.', 'EVERY'],
    ['CREATE WINDOW w AS HOP 1 HOUR', 'Expected EVERY and the hop after the window size (HOP 1 HOUR EVERY 15 MINUTES), found the end.', ''],
    ['CREATE WINDOW w AS HOP 15 MINUTES EVERY 1 HOUR', 'The hop cannot be longer than the window (windows would leave gaps).', '1 HOUR'],
    ['CREATE WINDOW w AS HOP 1 HOUR EVERY 25 MINUTES', 'The window size must be a whole multiple of the hop (e.g. HOP 1 HOUR EVERY 15 MINUTES).', '25 MINUTES'],
    ['CREATE WINDOW w AS HOP 31 DAYS EVERY 1 MINUTE', 'A row may fall in at most 1440 windows; use a longer hop.', '1 MINUTE'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR LATENESS 5', 'Expected a unit after 5 (SECONDS, MINUTES, HOURS or DAYS), found the end.', ''],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR LATENESS 5 MINUTES LATENESS 1 HOUR', 'LATENESS is given twice.', 'LATENESS'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR EMIT ALL', 'Expected CHANGES or FINAL after EMIT, found "ALL".', 'ALL'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR EMIT FINAL EMIT CHANGES', 'EMIT is given twice.', 'EMIT'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR GRACE 5 MINUTES', 'Expected LATENESS, EMIT, MEASURES or the end, found "GRACE".', 'GRACE'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR MEASURES', "Expected a measure's column name, found the end.", ''],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR MEASURES Total,', "Expected a measure's column name, found the end.", ''],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR MEASURES Total, Total', 'Total is listed twice.', 'Total'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR MEASURES "Total', 'This quoted name is not closed.', '"Total'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR MEASURES a MEASURES b', 'MEASURES is given twice.', 'MEASURES'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR; SELECT 1', 'Unexpected "SELECT" after the end of the statement.', 'SELECT'],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR, 2', 'Unexpected "," after the end of the statement.', ','],
    ['CREATE WINDOW w AS TUMBLE 1 HOUR + 2', 'Unexpected "+".', '+'],
    ['DROP TABLE traffic', 'Expected WINDOW after DROP, found "TABLE".', 'TABLE'],
    ['DROP WINDOW', "Expected the window's name, found the end.", ''],
  ])('%s', (sql, message, at) => {
    const error = failure(sql);
    expect(error.message).toBe(message);
    expect(error.at).toBe(at);
  });

  it('points past the text when it ended too soon', () => {
    expect(failure('CREATE WINDOW w AS TUMBLE 15').from).toBe('CREATE WINDOW w AS TUMBLE 15'.length);
  });
});
