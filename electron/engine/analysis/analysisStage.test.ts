import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import type { FeedEntry } from '../stages/feedWindow';
import { SAMPLE_COLUMNS, sampleRecords } from '../testing/sampleCity';
import { batchLayout, BatchPacker, BatchUnpacker } from './analysisBatch';
import { AnalysisStage, LEARN_MAX_MS } from './analysisStage';

const entries = (records: readonly TrafficRecord[]): FeedEntry[] => records.map((record, offset) => ({ record, offset, partition: 0 }));

function stageOnSample(now: () => number = () => 0): AnalysisStage {
  const stage = new AnalysisStage({ onChange: () => undefined, measure: () => 'Total', network: () => null, now });
  stage.restart(SAMPLE_COLUMNS);
  return stage;
}

describe('analysis stage', () => {
  const records = sampleRecords();

  it('checks every row given, once: rows in = rows checked, held rows included', () => {
    const stage = stageOnSample();
    for (let i = 0; i < records.length; i += 700) stage.append(entries(records.slice(i, i + 700)));
    stage.settle();
    const view = stage.view(false);
    expect(view?.state).toBe('live');
    expect(view?.health.counts.rowsGiven).toBe(records.length);
    expect(view?.health.counts.rowsChecked).toBe(records.length);
    expect(view?.health.locations.map((l) => l.location)).toEqual(['J01', 'J02', 'J03', 'J04', 'J05', 'J06', 'J07', 'J08', 'J09', 'J10']);
    expect(view?.cadenceMs).toBe(15 * 60_000);
    // Every reading is in the heatmap once: its counts add up to the rows.
    expect(view?.heatmap?.count.reduce((a, b) => a + b, 0)).toBe(records.length);
    expect(view?.heatmap?.binMinutes).toBe(60);
    expect(view?.typicalDay?.binsPerDay).toBe(96);
  });

  it('holds the first rows while the cadence is learnt, and checks them after LEARN_MAX_MS at the latest', () => {
    let clock = 0;
    const stage = stageOnSample(() => clock);
    stage.append(entries(records.slice(0, 30)));
    expect(stage.view(false)?.state).toBe('learning');
    expect(stage.view(true)?.health.counts.rowsChecked).toBe(0);
    clock += LEARN_MAX_MS;
    const view = stage.view(true);
    expect(view?.health.counts.rowsChecked).toBe(30);
  });

  it('starts over on restart (a new file or run), and a view is sent only when changed', () => {
    const stage = stageOnSample();
    stage.append(entries(records.slice(0, 5000)));
    stage.settle();
    expect(stage.view(false)?.health.counts.rowsChecked).toBe(5000);
    expect(stage.view(false)).toBeNull();
    const other: ColumnInfo[] = [
      { name: 'time', type: 'time', role: 'timestamp' },
      { name: 'sensor', type: 'text', role: 'location' },
      { name: 'flow', type: 'number', role: 'measure' },
    ];
    stage.restart(other);
    const fresh = stage.view(false);
    expect(fresh?.state).toBe('waiting');
    expect(fresh?.health.counts.rowsChecked).toBe(0);
    expect(fresh?.heatmap).toBeNull();
    const rows: TrafficRecord[] = Array.from({ length: 500 }, (_, i) => ({ line: i + 2, time: i * 300_000, values: ['', `S${i % 2}`, 10 + (i % 7)] }));
    stage.append(entries(rows));
    stage.settle();
    const after = stage.view(false);
    expect(after?.health.counts.rowsChecked).toBe(500);
    expect(after?.health.locations.map((l) => l.location)).toEqual(['S0', 'S1']);
    expect(after?.measure).toBe('flow');
  });

  it('settings change during a run apply from the next run', () => {
    const stage = stageOnSample();
    stage.append(entries(records.slice(0, 1000)));
    stage.configure({ stuckDurationMs: 3_600_000, capacityPerHour: 2000, spikeK: 6, enabled: true });
    expect(stage.view(true)?.settingsPending).toBe(true);
    stage.restart(SAMPLE_COLUMNS);
    const view = stage.view(true);
    expect(view?.settingsPending).toBe(false);
    expect(view?.settings.capacityPerHour).toBe(2000);
  });

  it('rows packed for the worker come out as the checks read them', () => {
    const layout = batchLayout(SAMPLE_COLUMNS);
    const packer = new BatchPacker(layout);
    const unpacker = new BatchUnpacker(layout);
    const some = records.slice(0, 40);
    const back = [...unpacker.unpack(packer.pack(entries(some.slice(0, 20)))), ...unpacker.unpack(packer.pack(entries(some.slice(20))))];
    back.forEach((record, i) => {
      const original = some[i] as TrafficRecord;
      expect(record.time).toBe(original.time);
      expect(record.line).toBe(original.line);
      for (const index of [...layout.numeric, ...layout.location]) expect(record.values[index]).toBe(original.values[index]);
    });
  });
});
