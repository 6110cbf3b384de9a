import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_HEADER, writeTrafficCsv, type WriteTrafficCsvOptions } from './writeTrafficCsv.js';

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traffic-csv-'));
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

let fileCounter = 0;
async function generate(options: Omit<WriteTrafficCsvOptions, 'out'>): Promise<{ file: string; lines: string[] }> {
  const file = path.join(tmpDir, `out-${fileCounter++}.csv`);
  await writeTrafficCsv({ ...options, out: file });
  const text = fs.readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return { file, lines: text.slice(0, -1).split('\n') };
}

interface Row {
  time: string;
  date: number;
  weekday: string;
  counts: [number, number, number, number];
  total: number;
  situation: string;
  junction: string;
}

function parseRow(line: string): Row {
  const f = line.split(',');
  expect(f).toHaveLength(10);
  return {
    time: f[0]!,
    date: Number(f[1]),
    weekday: f[2]!,
    counts: [Number(f[3]), Number(f[4]), Number(f[5]), Number(f[6])],
    total: Number(f[7]),
    situation: f[8]!,
    junction: f[9]!,
  };
}

/** "1:15:00 PM" -> 13.25 */
function hourOf(time: string): number {
  const match = /^(\d{1,2}):(\d{2}):00 (AM|PM)$/.exec(time);
  if (match === null) throw new Error(`bad time ${time}`);
  return (Number(match[1]) % 12) + (match[3] === 'PM' ? 12 : 0) + Number(match[2]) / 60;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

describe('writeTrafficCsv', () => {
  it('is deterministic: same seed gives byte-identical files, another seed differs', async () => {
    const a = await generate({ seed: 7, days: 2 });
    const b = await generate({ seed: 7, days: 2 });
    const c = await generate({ seed: 8, days: 2 });
    expect(fs.readFileSync(a.file).equals(fs.readFileSync(b.file))).toBe(true);
    expect(fs.readFileSync(a.file).equals(fs.readFileSync(c.file))).toBe(false);
  });

  it('writes the exact header and days x 96 x junctions rows by default', async () => {
    const file = path.join(tmpDir, 'defaults.csv');
    const result = await writeTrafficCsv({ out: file });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toBe(
      'Time,Date,Day of the week,CarCount,BikeCount,BusCount,TruckCount,Total,Traffic Situation,Junction',
    );
    expect(CSV_HEADER).toBe(lines[0]);
    // The sample city's 10 junctions, 4 weeks of 15-minute slots.
    expect(result.rows).toBe(10 * 28 * 96);
    expect(lines).toHaveLength(10 * 28 * 96 + 2); // header + rows + empty string after final \n
    expect(result.bytes).toBe(fs.statSync(file).size);
  });

  it('uses exactly the network\'s junction ids, in network order', async () => {
    for (const junctions of [undefined, 1, 7, 1000]) {
      const count = junctions ?? 10;
      const file = path.join(tmpDir, `ids-${count}.csv`);
      const { network } = await writeTrafficCsv({ out: file, rows: count * 2, ...(junctions === undefined ? {} : { junctions }) });
      const rows = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(1).map(parseRow);
      const ids = network.junctions.map((j) => j.id);
      expect(ids).toHaveLength(count);
      expect(rows.slice(0, count).map((r) => r.junction)).toEqual(ids);
      expect(rows.slice(count).map((r) => r.junction)).toEqual(ids);
    }
  });

  it('writes exactly `rows` data rows, even when not a multiple of the junction count or a day', async () => {
    for (const rows of [0, 1, 1000, 5000]) {
      const { lines } = await generate({ rows, junctions: 7 });
      expect(lines).toHaveLength(rows + 1);
    }
    // 1000 rows = 142 full slots of 7 + 6 rows: the last row is J06 of slot 142.
    const { lines } = await generate({ rows: 1000, junctions: 7 });
    expect(parseRow(lines[1000]!).junction).toBe('J06');
  });

  it('emits well-formed rows: 10 fields, non-negative integer counts, Total = sum, known situation', async () => {
    const { lines } = await generate({ days: 3, junctions: 12, seed: 3 });
    for (const line of lines.slice(1)) {
      const row = parseRow(line);
      for (const n of row.counts) expect(Number.isInteger(n) && n >= 0).toBe(true);
      expect(row.total).toBe(row.counts[0] + row.counts[1] + row.counts[2] + row.counts[3]);
      expect(['low', 'normal', 'high', 'heavy']).toContain(row.situation);
      expect(row.time).toMatch(/^(1[0-2]|[1-9]):[0-5]\d:00 (AM|PM)$/);
    }
  });

  it('orders rows by slot with one row per junction, and formats 12-hour times', async () => {
    const { lines } = await generate({ days: 1, junctions: 3 });
    const rows = lines.slice(1).map(parseRow);
    expect(rows.slice(0, 4).map((r) => `${r.time} ${r.junction}`)).toEqual([
      '12:00:00 AM J01',
      '12:00:00 AM J02',
      '12:00:00 AM J03',
      '12:15:00 AM J01',
    ]);
    const times = rows.filter((r) => r.junction === 'J01').map((r) => r.time);
    expect(times).toHaveLength(96);
    expect(times[4]).toBe('1:00:00 AM');
    expect(times[48]).toBe('12:00:00 PM');
    expect(times[52]).toBe('1:00:00 PM');
    expect(times[95]).toBe('11:45:00 PM');
    expect(new Set(times).size).toBe(96);
  });

  it('rolls Date and Day of the week over midnight and month end', async () => {
    // 2026-10-31 is a Saturday.
    const { lines } = await generate({ startDate: '2026-10-31', days: 2, junctions: 2 });
    const rows = lines.slice(1).map(parseRow);
    const lastOfOctober = rows[95 * 2 + 1]!;
    const firstOfNovember = rows[96 * 2]!;
    expect([lastOfOctober.time, lastOfOctober.date, lastOfOctober.weekday]).toEqual(['11:45:00 PM', 31, 'Saturday']);
    expect([firstOfNovember.time, firstOfNovember.date, firstOfNovember.weekday, firstOfNovember.junction]).toEqual([
      '12:00:00 AM',
      1,
      'Sunday',
      'J01',
    ]);
  });

  it('matches the real calendar on every row, across a leap day and a year end', async () => {
    const check = async (startDate: string, days: number): Promise<void> => {
      const { lines } = await generate({ startDate, days, junctions: 1 });
      const start = Date.parse(`${startDate}T00:00:00Z`);
      lines.slice(1).forEach((line, i) => {
        const row = parseRow(line);
        const expected = new Date(start + Math.floor(i / 96) * 86_400_000);
        expect(row.date).toBe(expected.getUTCDate());
        expect(row.weekday).toBe(WEEKDAYS[expected.getUTCDay()]);
      });
    };
    await check('2028-02-27', 4); // 2028 is a leap year: 27, 28, 29, 1
    await check('2026-12-30', 4); // 30, 31, 1, 2
  });

  it('has a daily rhythm and quieter weekends', async () => {
    const { lines } = await generate({});
    const rows = lines.slice(1).map(parseRow);
    const weekend = (r: Row): boolean => r.weekday === 'Saturday' || r.weekday === 'Sunday';
    const weekdayRows = rows.filter((r) => !weekend(r));
    const rush = mean(weekdayRows.filter((r) => hourOf(r.time) >= 7 && hourOf(r.time) < 9).map((r) => r.total));
    const night = mean(weekdayRows.filter((r) => hourOf(r.time) >= 2 && hourOf(r.time) < 4).map((r) => r.total));
    expect(rush).toBeGreaterThan(night * 4);
    const weekendMean = mean(rows.filter(weekend).map((r) => r.total));
    expect(weekendMean).toBeLessThan(mean(weekdayRows.map((r) => r.total)) * 0.85);
    // Cars dominate overall.
    const sums = [0, 1, 2, 3].map((k) => rows.reduce((s, r) => s + r.counts[k]!, 0));
    expect(sums[0]!).toBeGreaterThan(sums[1]! + sums[2]! + sums[3]!);
  });

  it('rejects invalid options without creating a file', async () => {
    const out = path.join(tmpDir, 'never.csv');
    await expect(writeTrafficCsv({ out, rows: -1 })).rejects.toThrow(RangeError);
    await expect(writeTrafficCsv({ out, days: 0 })).rejects.toThrow(RangeError);
    await expect(writeTrafficCsv({ out, junctions: 0 })).rejects.toThrow(RangeError);
    await expect(writeTrafficCsv({ out, junctions: 10_001 })).rejects.toThrow(RangeError);
    await expect(writeTrafficCsv({ out, startDate: '2026-02-30' })).rejects.toThrow(RangeError);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('rejects when the output cannot be written', async () => {
    const blocker = path.join(tmpDir, 'a-file');
    fs.writeFileSync(blocker, '');
    await expect(writeTrafficCsv({ out: path.join(blocker, 'x.csv'), rows: 10 })).rejects.toThrow();
    // A directory as target fails on open, inside the stream rather than in mkdir.
    await expect(writeTrafficCsv({ out: tmpDir, rows: 10 })).rejects.toThrow(/EISDIR/);
    await expect(writeTrafficCsv({ out: tmpDir, rows: 100_000 })).rejects.toThrow(/EISDIR/);
  });
});

describe('generate.ts CLI', () => {
  const cli = fileURLToPath(new URL('../generate.ts', import.meta.url));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', timeout: 30_000 });

  it('with --out writes only the requested CSV and prints one summary line', () => {
    const dir = fs.mkdtempSync(path.join(tmpDir, 'cli-'));
    const out = path.join(dir, 'cli.csv');
    const result = run('--rows', '500', '--junctions', '4', '--seed', '9', '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(new RegExp(`^${out.replace(/[.\\]/g, '\\$&')} rows=500 bytes=\\d+ seconds=\\d+\\.\\d+$`));
    expect(fs.readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(501);
    // No network or incident file unless asked for: benchmark runs must not litter or overwrite the sample.
    expect(fs.readdirSync(dir)).toEqual(['cli.csv']);
  });

  it('writes the network and incidents where --network / --incidents say', () => {
    const dir = fs.mkdtempSync(path.join(tmpDir, 'cli-'));
    const [out, network, incidents] = ['big.csv', 'net/city.json', 'inc.json'].map((name) => path.join(dir, name)) as [string, string, string];
    const result = run('--junctions', '1000', '--days', '2', '--out', out, '--network', network, '--incidents', incidents);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/ junctions=1000 links=\d+$/);
    expect(lines[2]).toMatch(/ incidents=\d+$/);
    const city = JSON.parse(fs.readFileSync(network, 'utf8')) as { junctions: unknown[]; links: unknown[] };
    expect(city.junctions).toHaveLength(1000);
    expect(city.links.length).toBeGreaterThan(2700);
    expect(Array.isArray(JSON.parse(fs.readFileSync(incidents, 'utf8')))).toBe(true);
  });

  it.each([['--rows', 'abc'], ['--bogus'], ['--days', '0'], ['--junctions', '10001'], ['--seed'], ['--network'], ['extra-positional']])(
    'exits with code 2 on invalid input %s',
    (...args: string[]) => {
      const result = run(...args, '--out', path.join(tmpDir, 'bad.csv'));
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^generate: /);
    },
  );
});
