import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSniffedFile } from '../source';
import { readCsvBatches } from '../source/csvBatchReader';
import { sniffCsv } from '../source/sniffCsv';
import { createHealthChecker } from './healthChecker';
import { isNoVehicleSpeed, MARKER_ROWS, pairSpeedsWithFlows, ZeroFlowSpeedMarker } from './noVehicleSpeed';
import { sumMatches } from '../source';

const columns = (...names: string[]) => names.map((name, index) => ({ name, index }));

describe('speeds over intervals with no vehicle', () => {
  it('pairs each speed with the flow of its own vehicle class, else the main flow', () => {
    const measures = columns('q_kfz_det_hr', 'v_kfz_det_hr', 'q_pkw_det_hr', 'v_pkw_det_hr', 'q_lkw_det_hr', 'v_lkw_det_hr');
    const paired = pairSpeedsWithFlows(measures, measures, measures[0] ?? null);
    expect(paired.map((c) => [c.name, c.flowIndex])).toEqual([
      ['q_kfz_det_hr', null],
      ['v_kfz_det_hr', 0],
      ['q_pkw_det_hr', null],
      ['v_pkw_det_hr', 2],
      ['q_lkw_det_hr', null],
      ['v_lkw_det_hr', 4],
    ]);
    const austin = columns('Volume', 'Occupancy', 'Speed');
    expect(pairSpeedsWithFlows(austin, austin, austin[0] ?? null)[2]?.flowIndex).toBe(0);
    // A negative truck speed is no reading only where no truck was counted.
    const truckSpeed = paired[5] as (typeof paired)[number];
    expect(isNoVehicleSpeed([120, 70, 120, 70, 0, -1], truckSpeed)).toBe(true);
    expect(isNoVehicleSpeed([120, 70, 118, 70, 2, -1], truckSpeed)).toBe(false);
  });

  it('learns a file’s constant "no speed" marker from its first empty intervals, and keeps flagging varying speeds', () => {
    const marker = new ZeroFlowSpeedMarker();
    const first = Array.from({ length: MARKER_ROWS }, () => marker.isFinding(149));
    expect(first.filter(Boolean)).toHaveLength(MARKER_ROWS - 1);
    expect([149, 149, 149].map((speed) => marker.isFinding(speed))).toEqual([false, false, false]);
    expect(marker.isFinding(37)).toBe(true);

    const faulty = new ZeroFlowSpeedMarker();
    expect([52, 48, 52, 61].map((speed) => faulty.isFinding(speed))).toEqual([true, true, true, true]);
  });

  it('takes counts rounded one by one as summing to their total', () => {
    expect(sumMatches(81, 57 + 23, 2)).toBe(true);
    expect(sumMatches(39, 30 + 7, 2)).toBe(false);
    // Rounding to whole numbers excuses whole numbers only: a detector number of 1 is no sum of 0.2 and 0.4.
    expect(sumMatches(1, 0.2 + 0.4, 2)).toBe(false);
    expect(sumMatches(100.4, 60.2 + 40.1, 2)).toBe(true);
    expect(sumMatches(1200.4, 1190, 2)).toBe(true);
  });

  it("on Berlin's detector file, flags no -1 speed over an empty lane, and the one -1 over counted trucks", async () => {
    const path = join(__dirname, '..', '..', '..', 'fidelity', 'corpus', 'real', 'berlin-detectors-hourly.csv');
    // Counted independently: rows whose truck speed is -1 although trucks were counted.
    const script = [
      'import csv,sys',
      "rows=csv.DictReader(open(sys.argv[1],newline='',encoding='utf-8-sig'),delimiter=';')",
      "print(sum(1 for r in rows for k in ('kfz','pkw','lkw') if r['v_%s_det_hr'%k].strip()=='-1' and r['q_%s_det_hr'%k].strip() not in ('','0')))",
    ].join('\n');
    const expected = Number(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim());
    const { sniffed, schema } = await openSniffedFile(await sniffCsv(path), null);
    const checker = createHealthChecker(schema);
    for await (const batch of readCsvBatches({ path, dialect: sniffed.dialect, schema })) for (const record of batch.records) checker.check(record);
    const negatives = checker.view().flags.filter((flag) => flag.check === 'negative');
    expect(negatives).toHaveLength(expected);
    expect(negatives[0]?.evidence).toContain('v_lkw_det_hr is -1');
    expect(checker.view().flags.filter((flag) => flag.check === 'totalMismatch')).toHaveLength(0);
  });
});
