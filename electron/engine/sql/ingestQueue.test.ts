/**
 * Rows that wait behind a running query: kept in order, bounded by the same retention as the table.
 */
import { describe, expect, it } from 'vitest';
import { batchOf, cityEntries } from '../testing/liveTableRows';
import { IngestQueue } from './ingestQueue';
import { batchMaxTime, batchRows, META_INGESTED, META_OFFSET, META_TIME, ROW_META_STRIDE, RowBatchBuilder } from './rowBatch';

function timedBatch(rows: number, time: number | null, firstOffset = 0) {
  return batchOf(
    Array.from({ length: rows }, (_, i) => ({ offset: firstOffset + i, partition: 0, record: { line: i, values: [i], time } })),
    1_000_000,
  );
}

describe('RowBatchBuilder', () => {
  it('fills batches of at most its capacity, keeping the records’ arrays and per-row numbers', () => {
    const builder = new RowBatchBuilder(3);
    const entries = cityEntries(10, 4);
    for (const entry of entries.slice(0, 3)) builder.add(entry, 42);
    expect(builder.full).toBe(true);
    const full = builder.take();
    expect(full.values).toEqual(entries.slice(0, 3).map((entry) => entry.record.values));
    expect(full.values[0]).toBe(entries[0]!.record.values);
    expect(full.meta.length).toBe(3 * ROW_META_STRIDE);
    expect([full.meta[META_OFFSET], full.meta[META_TIME], full.meta[META_INGESTED]]).toEqual([10, entries[0]!.record.time, 42]);
    builder.add({ offset: 99, partition: 1, record: { line: 1, values: [], time: null } }, 7);
    const partial = builder.take();
    expect(batchRows(partial)).toBe(1);
    expect(partial.meta.length).toBe(ROW_META_STRIDE);
    expect(Number.isNaN(partial.meta[META_TIME])).toBe(true);
    // Retention judges a row without a time by its ingest time.
    expect(batchMaxTime(partial)).toBe(7);
    expect(builder.size).toBe(0);
  });
});

describe('IngestQueue', () => {
  it('gives batches back in order', () => {
    const queue = new IngestQueue();
    queue.push(timedBatch(2, 1, 0));
    queue.push(timedBatch(3, 2, 2));
    expect(queue.rows).toBe(5);
    expect(queue.shift()?.meta[META_OFFSET]).toBe(0);
    expect(queue.shift()?.meta[META_OFFSET]).toBe(2);
    expect(queue.shift()).toBeUndefined();
    expect(queue.rows).toBe(0);
  });

  it('drops the oldest batches once newer ones fill the row limit', () => {
    const queue = new IngestQueue();
    for (let i = 0; i < 5; i++) queue.push(timedBatch(100, i, i * 100));
    expect(queue.prune({ maxRows: 250, maxMinutes: null }, Number.NEGATIVE_INFINITY)).toEqual({ rows: 200, maxTime: 1 });
    expect(queue.rows).toBe(300);
    expect(queue.shift()?.meta[META_OFFSET]).toBe(200);
    // Never the newest batch, whatever the limit.
    expect(queue.prune({ maxRows: 1, maxMinutes: null }, Number.NEGATIVE_INFINITY).rows).toBe(100);
    expect(queue.rows).toBe(100);
  });

  it('drops batches older than the time limit allows, against the table’s newest time too', () => {
    const minute = 60_000;
    const queue = new IngestQueue();
    queue.push(timedBatch(10, 0));
    queue.push(timedBatch(10, 3 * minute));
    queue.push(timedBatch(10, 4 * minute));
    expect(queue.prune({ maxRows: null, maxMinutes: 2 }, Number.NEGATIVE_INFINITY)).toEqual({ rows: 10, maxTime: 0 });
    expect(queue.prune({ maxRows: null, maxMinutes: 2 }, 6 * minute)).toEqual({ rows: 10, maxTime: 3 * minute });
    expect(queue.prune({ maxRows: null, maxMinutes: null }, 60 * minute).rows).toBe(0);
    expect(queue.rows).toBe(10);
  });
});
