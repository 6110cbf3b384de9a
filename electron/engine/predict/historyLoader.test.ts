/** History read from real files on disk: the open file's first days, or another CSV matched by column name. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSniffedFile } from '../source/openFile';
import { replayableFile } from '../source/replayOrder/createReplaySource';
import { sniffCsv } from '../source/sniffCsv';
import { packLayoutFor } from './batchPacker';
import { loadHistory } from './historyLoader';
import type { PredictBatch } from './predictBatch';
import type { StreamFile } from './predictWorkerMessages';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 9, 1);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'history-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Hourly rows for two junctions over `days` days; Total = Cars + 1. */
function writeCsv(name: string, days: number, header = 'time,Junction,Cars,Total'): string {
  const lines = [header];
  for (let h = 0; h < days * 24; h++) {
    const time = new Date(START + h * HOUR).toISOString();
    for (const junction of ['J1', 'J2']) lines.push(`${time},${junction},${h % 24},${(h % 24) + 1}`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function streamOf(path: string): Promise<{ file: StreamFile; input: ReturnType<typeof packLayoutFor>['input']; locationColumn: string | null }> {
  const opened = await openSniffedFile(await sniffCsv(path), null);
  return {
    file: { ...replayableFile(opened), timeRange: opened.info.timeRange },
    input: packLayoutFor(opened.schema.columns).input,
    locationColumn: opened.schema.location,
  };
}

function collect(): { batches: PredictBatch[]; names: string[]; sink: (batch: PredictBatch, names: string[]) => void } {
  const batches: PredictBatch[] = [];
  const names: string[] = [];
  return { batches, names, sink: (batch, fresh) => (batches.push(batch), names.push(...fresh)) };
}

describe('reading history', () => {
  it("takes exactly the open file's first N days", async () => {
    const stream = await streamOf(writeCsv('ten-days.csv', 10));
    const { batches, names, sink } = collect();
    const result = await loadHistory({ kind: 'fileDays', days: 3 }, stream, sink, new AbortController().signal);
    expect(result.rows).toBe(3 * 24 * 2);
    expect(result.description).toBe('first 3 days of the file');
    expect(names).toEqual(['J1', 'J2']);
    const times = batches.flatMap((batch) => Array.from(batch.time));
    expect(Math.max(...times)).toBe(START + (3 * 24 - 1) * HOUR);
  });

  it('takes the first days in replay order from a file grouped by location or written newest first', async () => {
    const rows = (junction: string): string[] =>
      Array.from({ length: 10 * 24 }, (_, h) => `${new Date(START + h * HOUR).toISOString()},${junction},${h % 24},${(h % 24) + 1}`);
    const grouped = join(dir, 'grouped.csv');
    writeFileSync(grouped, ['time,Junction,Cars,Total', ...rows('J1'), ...rows('J2'), ...rows('J3')].join('\n') + '\n');
    const newestFirst = join(dir, 'newest-first.csv');
    writeFileSync(newestFirst, ['time,Junction,Cars,Total', ...rows('J1').reverse()].join('\n') + '\n');
    for (const [path, junctions] of [
      [grouped, ['J1', 'J2', 'J3']],
      [newestFirst, ['J1']],
    ] as const) {
      const stream = await streamOf(path);
      const { batches, names, sink } = collect();
      const result = await loadHistory({ kind: 'fileDays', days: 3 }, stream, sink, new AbortController().signal);
      // Every junction's first three days, not the top of the file (one junction, or none at all).
      expect(result.rows, path).toBe(3 * 24 * junctions.length);
      expect([...names].sort()).toEqual(junctions);
      const times = batches.flatMap((batch) => Array.from(batch.time));
      expect(Math.min(...times)).toBe(START);
      expect(Math.max(...times)).toBe(START + (3 * 24 - 1) * HOUR);
    }
  });

  it('never takes more than half the file, and says so', async () => {
    const stream = await streamOf(writeCsv('four-days.csv', 4));
    const { sink } = collect();
    const result = await loadHistory({ kind: 'fileDays', days: 7 }, stream, sink, new AbortController().signal);
    // Half of the span from the first to the last row (4 days less one hour).
    expect(result.rows).toBe(Math.ceil((4 * 24 - 1) / 2) * 2);
    expect(result.description).toContain('half the file; 7 asked');
  });

  it('reads another CSV by column name, whatever its column order', async () => {
    const stream = await streamOf(writeCsv('stream.csv', 2));
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'Total,time,Junction,Cars\n8,2026-09-01T00:00:00Z,J9,7\n11,2026-09-01T01:00:00Z,J1,10\n');
    const { batches, names, sink } = collect();
    const result = await loadHistory({ kind: 'csv', path: other }, stream, sink, new AbortController().signal);
    expect(result).toEqual({ rows: 2, description: 'other.csv' });
    expect(names).toEqual(['J9', 'J1']);
    // The stream's numeric columns are Cars, Total: values come in that order whatever the file's order.
    expect(Array.from((batches[0] as PredictBatch).values)).toEqual([7, 8, 10, 11]);
  });

  it('names what is missing in a history CSV that does not fit', async () => {
    const stream = await streamOf(writeCsv('stream2.csv', 2));
    const noJunction = join(dir, 'no-junction.csv');
    writeFileSync(noJunction, 'time,Cars,Total\n2026-10-01T00:00:00Z,1,2\n2026-10-01T01:00:00Z,1,2\n');
    await expect(loadHistory({ kind: 'csv', path: noJunction }, stream, () => undefined, new AbortController().signal)).rejects.toThrow(
      'no-junction.csv has no column “Junction”',
    );
    const unrelated = join(dir, 'unrelated.csv');
    writeFileSync(unrelated, 'time,Junction,Speed\n2026-10-01T00:00:00Z,J1,50\n2026-10-01T01:00:00Z,J1,55\n');
    await expect(loadHistory({ kind: 'csv', path: unrelated }, stream, () => undefined, new AbortController().signal)).rejects.toThrow(
      "none of the stream's numeric columns (Cars, Total)",
    );
  });

  it('refuses first days of a file without time, and of a watched topic', async () => {
    const stream = await streamOf(writeCsv('stream3.csv', 1));
    await expect(loadHistory({ kind: 'fileDays', days: 1 }, { ...stream, file: null }, () => undefined, new AbortController().signal)).rejects.toThrow(
      'A watched topic has no file',
    );
  });
});
