import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../shared/schema';
import { exampleQueries } from '../../../shared/sql/exampleQueries';
import { countedColumns } from '../graph/rowCounting';
import { ThresholdStage } from '../stages/thresholdStage';
import { mainMeasure } from './mainMeasure';

const numbers = (...names: string[]): ColumnInfo[] => names.map((name) => ({ name, type: 'number', role: 'measure' }));

/** Column sets and the measure a traffic engineer means: one rule, applied everywhere a measure starts. */
const CASES: { columns: ColumnInfo[]; measure: string | null }[] = [
  { columns: numbers('CarCount', 'BikeCount', 'BusCount', 'TruckCount', 'Total'), measure: 'Total' },
  { columns: numbers('Speed', 'TOTAL'), measure: 'TOTAL' },
  { columns: numbers('CarCount', 'total_count'), measure: 'total_count' },
  { columns: numbers('all_hgvs', 'all_motor_vehicles'), measure: 'all_motor_vehicles' },
  { columns: numbers('Temperature', 'Vehicles', 'Speed'), measure: 'Vehicles' },
  { columns: numbers('hour', 'reading'), measure: 'reading' },
  { columns: [{ name: 'Total', type: 'text', role: 'category' }, ...numbers('Vehicles')], measure: 'Vehicles' },
  { columns: [{ name: 'Note', type: 'text', role: 'category' }], measure: null },
];

const numericNames = (columns: readonly ColumnInfo[]): string[] => columns.filter((c) => c.type === 'number').map((c) => c.name);

describe('mainMeasure', () => {
  it.each(CASES)('picks $measure', ({ columns, measure }) => {
    expect(mainMeasure(numericNames(columns), null)).toBe(measure);
  });

  it.each([
    [['ZNR', 'TVMAX', 'DTVMS', 'DTVMF'], 'DTVMS'],
    [['Pk', 'Longitud Tram', 'IFA', 'IMD'], 'IMD'],
    [['length_km', 'AADT', 'pct_trucks'], 'AADT'],
    [['lanes_width', 'tmja_2022', 'v85'], 'tmja_2022'],
    [['km', 'TGM'], 'TGM'],
  ])('takes average daily traffic by its engineers’ abbreviation (%j)', (names, measure) => {
    expect(mainMeasure(names, null)).toBe(measure);
  });

  it('does not read the abbreviations inside other words', () => {
    expect(mainMeasure(['admit', 'padtime', 'Wert'], null)).toBe('admit');
  });

  it('takes a requested measure when it is a numeric column, and ignores it otherwise', () => {
    expect(mainMeasure(['CarCount', 'Total'], 'CarCount')).toBe('CarCount');
    expect(mainMeasure(['CarCount', 'Total'], 'Junction')).toBe('Total');
  });

  it.each(CASES)('is where the threshold, the graph load and the SQL examples start ($measure)', ({ columns, measure }) => {
    expect(new ThresholdStage(columns).current?.column ?? null).toBe(measure);
    expect(new ThresholdStage(columns, measure).current?.column ?? null).toBe(measure);
    expect(countedColumns(columns, null).measure).toBe(measure);
    const filter = exampleQueries(columns, 'traffic', mainMeasure(numericNames(columns), null)).find((e) => e.title.startsWith('Rows where'));
    expect(filter?.title ?? null).toBe(measure === null ? null : `Rows where ${measure} > 50, newest first`);
  });
});
