import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../shared/schema';
import { exampleQueries } from '../../../shared/sql/exampleQueries';
import { countedColumns } from '../graph/rowCounting';
import { ThresholdStage } from '../stages/thresholdStage';
import { mainMeasure, measureReason, measuresInOrder } from './mainMeasure';

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
    [['time_days', 'mja_tcj'], 'mja_tcj'],
    [['Dnevni NOO', 'PLDP'], 'PLDP'],
    [['duljina', 'PGDP'], 'PGDP'],
    // Bordeaux: morning and evening peak hours first, then the working-day daily mean.
    [['HPM_VAL', 'HPS_VAL', 'MJO_VAL', 'PL_VAL', 'VIT_VAL'], 'MJO_VAL'],
  ])('takes average daily traffic by its engineers’ abbreviation (%j)', (names, measure) => {
    expect(mainMeasure(names, null)).toBe(measure);
  });

  it('takes the average over all days before the one over working days, wherever it stands', () => {
    expect(mainMeasure(['mja_jo', 'mja_tcj', 'mja_pl_tcj'], null)).toBe('mja_tcj');
    expect(mainMeasure(['AAWT', 'AADT'], null)).toBe('AADT');
  });

  it('does not read the abbreviations inside other words', () => {
    expect(mainMeasure(['admit', 'padtime', 'Wert'], null)).toBe('admit');
  });

  it('passes over an unnamed number whose sampled values never change, but not a count named as one', () => {
    // A link class and a direction code (1 on every row) before the volumes, under names that say nothing.
    expect(mainMeasure(['link_class', 'dir', 'up_small', 'up_large'], null, null, new Set(['link_class', 'dir']))).toBe('up_small');
    expect(mainMeasure(['link_class', 'dir'], null, null, new Set(['link_class', 'dir']))).toBe('link_class');
    // A bike count of 0 all night in the sample is still the count.
    expect(mainMeasure(['Temperature', 'Bikes', 'reading'], null, null, new Set(['Bikes']))).toBe('Bikes');
  });

  it('reads traffic volume in Japanese, Chinese and Korean headers', () => {
    expect(mainMeasure(['リンク区分', '上り・小型交通量'], null)).toBe('上り・小型交通量');
    expect(mainMeasure(['车道', '车流量'], null)).toBe('车流量');
    expect(mainMeasure(['차로', '교통량'], null)).toBe('교통량');
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

  it('reads weather words as words: the dew point is no part of a sidewalk', () => {
    const names = ['Fremont Bridge Sidewalks, south of N 34th St', 'Cyclist East Sidewalk', 'dew_point'];
    expect(measureReason(names[0] as string)).toBe('the first number that is not weather or sensor health');
    expect(measureReason('dew_point')).toBe('the only numbers are weather or sensor readings');
    expect(measureReason('Windgeschwindigkeit')).toBe('the only numbers are weather or sensor readings');
  });

  it('reads a per-vehicle log (speed, length, gap, weight of each vehicle, no count) by its speed, and says why', () => {
    const radar = ['Speed (km/h)', 'Length (m)', 'Gap (s)'];
    expect(mainMeasure(radar, null)).toBe('Speed (km/h)');
    expect(measureReason('Speed (km/h)', null, radar)).toBe(
      'no column counts traffic and "Length (m)" and "Gap (s)" describe single vehicles, so each row is read as one vehicle by its speed (a window\'s row_count counts the vehicles)',
    );
    expect(mainMeasure(['Fahrzeuglänge', 'Zeitlücke', 'Geschwindigkeit'], null)).toBe('Geschwindigkeit');
    expect(mainMeasure(['gross_weight_kg', 'speed_mph'], null)).toBe('speed_mph');
    // A count of axles (a tube counter's hits) or of vehicles stays a count; a class count named by its axles stays a count.
    expect(mainMeasure(['Length (m)', 'Axle count'], null)).toBe('Axle count');
    expect(mainMeasure(['vehicle_length', 'vehicles'], null)).toBe('vehicles');
    expect(mainMeasure(['hgvs_2_rigid_axle', 'link_length_km'], null)).toBe('hgvs_2_rigid_axle');
    // Speed alone is still read as a sensor reading.
    expect(measureReason('speed', null, ['speed', 'occupancy'])).toBe('the only numbers are weather or sensor readings');
  });

  it('prefers a total the data shows (the sum of other counts) over counts named as counts', () => {
    const names = ['Fremont Bridge Sidewalks', 'Cyclist East Sidewalk', 'Cyclist West Sidewalk'];
    const total = { total: 'Fremont Bridge Sidewalks', parts: ['Cyclist East Sidewalk', 'Cyclist West Sidewalk'] };
    expect(mainMeasure(names, null)).toBe('Cyclist East Sidewalk');
    expect(mainMeasure(names, null, total)).toBe('Fremont Bridge Sidewalks');
    expect(measureReason('Fremont Bridge Sidewalks', total)).toBe('a total: the sum of "Cyclist East Sidewalk" and "Cyclist West Sidewalk" on nearly every sampled row');
    // A sum of one class's counts does not outrank the total of all vehicles named as such.
    expect(mainMeasure(['all_motor_vehicles', 'all_hgvs', 'hgvs_2_rigid_axle', 'hgvs_3_rigid_axle'], null, { total: 'all_hgvs', parts: ['hgvs_2_rigid_axle', 'hgvs_3_rigid_axle'] })).toBe('all_motor_vehicles');
  });

  it.each([
    [['qualitaet', 'q_kfz_det_hr', 'q_pkw_det_hr'], 'q_kfz_det_hr'],
    [['observed_percent', 'flow'], 'flow'],
    [['pct_observed', 'reading'], 'reading'],
    [['HEAVY_VEHICLE_PERC', 'VEHICLES_COUNT'], 'VEHICLES_COUNT'],
    [['% Pesants', 'IMD'], 'IMD'],
  ])('ranks quality and share columns after every count (%j)', (names, measure) => {
    expect(mainMeasure(names, null)).toBe(measure);
  });

  it('offers quality shares, weather and sensor readings after the other numbers, in header order otherwise', () => {
    const names = ['qualitaet', 'q_kfz_det_hr', 'v_kfz_det_hr', 'q_pkw_det_hr'];
    expect(measuresInOrder(names, 'q_kfz_det_hr')).toEqual(['q_kfz_det_hr', 'q_pkw_det_hr', 'qualitaet', 'v_kfz_det_hr']);
    expect(measuresInOrder(['CarCount', 'Total'], 'Total')).toEqual(['CarCount', 'Total']);
    expect(measuresInOrder(['temp', 'rain'], 'temp')).toEqual(['temp', 'rain']);
  });
});
