/**
 * A count the engine stops itself (the file was replaced, a full-speed replay took over) is no
 * failure; it used to be logged as "the whole-file count failed" once per replaced file, which
 * buried real failures in the host's log.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setEngineLogSink } from '../supervision';
import { openFixture, TempDir, trafficCsv, trafficRows } from '../testing/trafficFixture';
import { ExactTotalScan } from './exactTotalScan';

const temp = new TempDir();
afterAll(() => temp.cleanup());
afterEach(() => setEngineLogSink((source, line) => console.error(`[${source}] ${line}`)));

describe('the whole-file count', () => {
  it('logs nothing when it is stopped on purpose, and still counts when left to run', async () => {
    const lines: string[] = [];
    setEngineLogSink((source, line) => lines.push(`[${source}] ${line}`));
    const file = await openFixture(temp.write(trafficCsv(trafficRows(2000))));
    for (let i = 0; i < 3; i++) {
      const scan = new ExactTotalScan(file, null, () => undefined);
      scan.start(undefined);
      scan.stop();
    }
    const counted = await new Promise<number>((resolve) => new ExactTotalScan(file, null, ({ rows }) => resolve(rows)).start(undefined));
    expect(counted).toBe(2000);
    expect(lines).toEqual([]);
  });
});
