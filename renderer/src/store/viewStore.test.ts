import { describe, expect, it } from 'vitest';
import type { FeedRow, ViewUpdate } from '../../../shared/contract';
import { DEFAULT_SQL_SETTINGS } from '../../../shared/sql/sqlContract';
import { graphView } from '../panels/graph/testGraph';
import { predictView, series } from '../panels/predictions/testView';
import { useView } from './viewStore';

const row = (line: number, passes = false): FeedRow => ({ offset: line, partition: 0, line, time: null, values: [line], passes });

function update(rows: FeedRow[], reset: boolean, capacity = 4): ViewUpdate {
  return {
    file: null,
    replay: {
      state: 'running', rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsConsumed: 0, totalRows: null, totalExact: false,
      bytesRead: 0, bytesTotal: 0, rowsPerSecond: 0, elapsedMs: 0, pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false },
      loop: 0, run: 1, eventTime: null, position: 0, seekedTo: null, rowsSkipped: 0, etaSeconds: null, message: null,
    },
    threshold: { settings: null, numericColumns: [], observedMin: null, observedMax: null, passing: 0, evaluated: 0, approximate: false },
    feed: { reset, onlyPassing: false, location: null, rows, skipped: reset ? 0 : 7, capacity },
    rejected: { reset, total: 0, rows: [], capacity: 10 },
    bus: {
      selection: { kind: 'embedded' }, state: 'embedded', message: null, retryInSeconds: null, profileName: null, topic: 'traffic.replay',
      groupId: 'g', producerMode: null, monitoring: false, produced: 0, consumed: 0, duplicates: 0, lostToRetention: 0, malformed: 0, produceRetries: 0,
      partitions: [], maxLag: 0,
    },
    sql: {
      table: 'traffic', state: 'ready', message: null, columns: [], rowsHeld: 0, rowsInserted: 0, rowsEvicted: 0, rowsEvictedForMemory: 0, rowsPending: 0,
      ingestRowsPerSecond: 0, settings: DEFAULT_SQL_SETTINGS, query: null, objects: [], windows: [],
    },
    predict: predictView(),
    graph: graphView(),
    analysis: null,
  };
}

describe('view store', () => {
  it('shows feed deltas newest first and keeps only the window’s capacity', () => {
    const store = useView.getState();
    store.applyUpdate(update([row(2), row(3)], true));
    expect(useView.getState().feedRows.map((r) => r.line)).toEqual([3, 2]);
    store.applyUpdate(update([row(4), row(5), row(6)], false));
    expect(useView.getState().feedRows.map((r) => r.line)).toEqual([6, 5, 4, 3]);
    expect(useView.getState().feedSkipped).toBe(7);
  });

  it('drops delta rows a freshly connected window already got in its snapshot', () => {
    const store = useView.getState();
    store.applyUpdate(update([row(2), row(3)], true));
    store.applyUpdate(update([row(3), row(4)], false));
    expect(useView.getState().feedRows.map((r) => r.line)).toEqual([4, 3, 2]);
  });

  it('keeps the user’s "only passing" choice while older updates still say otherwise', () => {
    useView.setState({ onlyPassingRequest: true });
    useView.getState().applyUpdate(update([row(2)], false)); // in flight before the command: onlyPassing false
    expect(useView.getState().onlyPassingRequest).toBe(true);
    const confirmed = update([row(3, true)], true);
    confirmed.feed.onlyPassing = true;
    useView.getState().applyUpdate(confirmed);
    expect(useView.getState().onlyPassingRequest).toBeNull();
    expect(useView.getState().feedOnlyPassing).toBe(true);
  });

  it('replaces everything on a reset (threshold moved, new file)', () => {
    const store = useView.getState();
    store.applyUpdate(update([row(2), row(3)], true));
    store.applyUpdate(update([row(9, true)], true));
    expect(useView.getState().feedRows).toEqual([row(9, true)]);
    expect(useView.getState().feedSkipped).toBe(0);
  });

  it('keeps the prediction series the engine did not resend', () => {
    const store = useView.getState();
    const sent = series('J01');
    store.applyUpdate({ ...update([], true), predict: predictView({ series: sent }) });
    store.applyUpdate(update([], false));
    expect(useView.getState().predict?.series).toBe(sent);
    store.applyUpdate({ ...update([], false), predict: predictView({ location: 'J02' }) });
    expect(useView.getState().predict?.series).toBeNull();
  });
});

describe('view store: the file description', () => {
  it('keeps the file an update leaves out, and takes a new one or null when one is sent', () => {
    const store = useView.getState();
    const file = { ...(update([], true).file ?? {}), name: 'wide.csv' } as unknown as NonNullable<ViewUpdate['file']>;
    store.applyUpdate({ ...update([], true), file });
    const withoutFile = update([], false);
    delete withoutFile.file;
    store.applyUpdate(withoutFile);
    expect(useView.getState().file?.name).toBe('wide.csv');
    store.applyUpdate(update([], false));
    expect(useView.getState().file).toBeNull();
  });
});
