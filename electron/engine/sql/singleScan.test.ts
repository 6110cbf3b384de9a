import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { singleScanSql } from './singleScan';

const STORE = '_traffic_store';

describe('singleScanSql', () => {
  it('reads the store directly for one pass over the live table', () => {
    expect(singleScanSql('SELECT "Day of the week", count(*), avg(Total) FROM traffic WHERE Total > 50 GROUP BY 1', STORE)).toBe(
      'SELECT "Day of the week", count(*), avg(Total) FROM _traffic_store AS traffic WHERE Total > 50 GROUP BY 1',
    );
    expect(singleScanSql('select * from "traffic" t order by Total desc limit 5;', STORE)).toBe('select * from _traffic_store t order by Total desc limit 5;');
    expect(singleScanSql('SELECT count(*) FROM Traffic AS x', STORE)).toBe('SELECT count(*) FROM _traffic_store AS x');
    expect(singleScanSql('SELECT count(*) FROM traffic', STORE)).toBe('SELECT count(*) FROM _traffic_store AS traffic');
  });

  it('keeps the checked view for anything that may pass over rows more than once', () => {
    for (const sql of [
      'SELECT count(*) FROM traffic a, traffic b',
      'SELECT count(*) FROM traffic a JOIN traffic b ON 1',
      'SELECT count(*) FROM traffic CROSS JOIN mine',
      'SELECT * FROM traffic WHERE Total > (SELECT avg(Total) FROM traffic)',
      'WITH t AS (SELECT * FROM traffic) SELECT count(*) FROM t',
      'SELECT Total FROM traffic UNION SELECT Total FROM traffic',
      'SELECT count(*) FROM mine',
      'SELECT count(*) FROM main.traffic',
      'SELECT 1',
      'CREATE VIEW v AS SELECT * FROM traffic',
    ]) {
      expect(singleScanSql(sql, STORE), sql).toBeNull();
    }
  });

  it('gives the same answer as the view, qualified column names included', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run(`CREATE TABLE ${STORE} (Junction TEXT, Total NUMERIC)`);
    db.run(`INSERT INTO ${STORE} VALUES ('J1', 10), ('J2', 60), ('J1', 70)`);
    db.run(`CREATE VIEW traffic AS SELECT Junction, Total FROM ${STORE}`);
    for (const sql of ['SELECT traffic.Junction, sum(traffic.Total) FROM traffic GROUP BY 1 ORDER BY 1', 'SELECT t.Junction FROM traffic t WHERE t.Total > 50 ORDER BY 1']) {
      const direct = singleScanSql(sql, STORE);
      expect(direct).not.toBeNull();
      expect(db.exec(direct ?? '')).toEqual(db.exec(sql));
    }
    db.close();
  });
});
