import { describe, expect, it } from 'vitest';
import { sortsAsTime, timeTextMisuse } from './timeTextGuard';

const US = [{ name: 'DateTime', example: '11/1/2015 0:00' }];

describe('ordering a time column kept as the file writes it', () => {
  it.each([
    'SELECT max(DateTime) FROM traffic',
    'SELECT MIN( "DateTime" ) FROM traffic',
    'SELECT * FROM traffic ORDER BY Junction, DateTime DESC',
    'SELECT * FROM traffic WHERE datetime > \'6/1/2017\'',
    "SELECT count(*) FROM traffic WHERE DateTime BETWEEN '6/1/2017' AND '6/9/2017'",
    'SELECT Junction, max(t.DateTime) FROM traffic t GROUP BY Junction',
  ])('refuses %s, pointing at the column and naming _time', (sql) => {
    const error = timeTextMisuse(sql, US);
    expect(error?.message).toContain('"DateTime" holds the file\'s own text (as "11/1/2015 0:00")');
    expect(error?.message).toContain('max(_time)');
    const position = error?.position ?? { from: 0, to: 0 };
    expect(sql.slice(position.from, position.to).replace(/"/g, '').toLowerCase()).toBe('datetime');
  });

  it.each([
    'SELECT max(_time), min(_time) FROM traffic',
    'SELECT DateTime, Vehicles FROM traffic ORDER BY _time',
    "SELECT * FROM traffic WHERE DateTime = '6/30/2017 23:00'",
    'SELECT max(Vehicles) FROM traffic WHERE DateTime IS NOT NULL',
    'SELECT count(*) FROM (SELECT max(Vehicles) AS m FROM traffic ORDER BY m) WHERE DateTime LIKE \'6/%\'',
  ])('lets %s run', (sql) => {
    expect(timeTextMisuse(sql, US)).toBeNull();
  });

  it('leaves a time column written as ISO text alone: its text order is time order', () => {
    expect(sortsAsTime('2017-06-30 23:00:00')).toBe(true);
    expect(sortsAsTime('2019-01-01T00:00:00+01:00')).toBe(true);
    expect(sortsAsTime('6/30/2017 23:00')).toBe(false);
    expect(sortsAsTime('13')).toBe(false);
    expect(timeTextMisuse('SELECT max(ts) FROM traffic', [{ name: 'ts', example: '2017-06-30 23:00:00' }])).toBeNull();
    expect(timeTextMisuse('SELECT max(stunde) FROM traffic', [{ name: 'stunde', example: '13' }])).not.toBeNull();
  });
});
