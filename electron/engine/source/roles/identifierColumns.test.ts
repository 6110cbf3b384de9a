import { describe, expect, it } from 'vitest';
import { isIdentifierColumn, looksLikeRunningNumber } from './identifierColumns';

const running = (from: number, count: number): string[] => Array.from({ length: count }, (_, i) => String(from + i));
/** A counter's cumulative total: it grows every row, by what passed in that interval. */
const cumulative = (from: number, count: number): string[] => Array.from({ length: count }, (_, i) => String(from + i * 37 + ((i * i) % 11)));

describe('identifier columns', () => {
  it.each(['ID', 'Id', 'record_id', 'objectid', 'Row ID', 'KITS ID', 'Identifiant arc', 'iu_ac', 'Nr', 'index', 'idelem', 'idtramo'])('%s is an identifier by name', (name) => {
    expect(isIdentifierColumn(name, ['1', '2', '1'])).toBe(true);
  });

  it.each(['Veh. No.', 'Vehicle No', 'Record #', 'Zähl-Nr.', 'SCATS Number', 'site_num'])('%s (a number after a word) is an identifier by name', (name) => {
    expect(isIdentifierColumn(name, ['14', '2', '9'])).toBe(true);
  });


  it.each(['Latitude', 'long', 'Etat trafic', 'state', 'Day of Week', 'Hour', 'Month', 'direction', 'mdate', 'day_of_month', 'lane', 'Fahrstreifen', 'lane_no', 'Channel', 'orientation', 'orien_etiq', 'x', 'Y', 'st_x', 'utm_y'])('%s labels, it does not measure', (name) => {
    expect(isIdentifierColumn(name, ['3', '1', '3'])).toBe(true);
  });

  it.each(['idTemporal', 'idElem', 'ZNR', 'STRNR', 'MessstelleNr'])('%s is an identifier by how its name is written (camelCase id, a German …Nr)', (name) => {
    expect(isIdentifierColumn(name, ['1075', '1078', '1075'])).toBe(true);
  });

  it.each(['JAHR', 'anyo', 'Any', 'année', 'Monat', 'mes', 'Stunde', 'Latitud', 'Longitud', 'latitudine', 'Carrils', 'lanes', 'freeway', 'route', 'Pk', 'PK inici', 'postmile'])(
    '%s labels in any of the languages traffic data is published in (calendar, coordinates, lanes, where on the road)',
    (name) => expect(isIdentifierColumn(name, ['3', '1', '3'])).toBe(true),
  );

  it('a second column of a calendar field (pandas `year.1`, a portal’s `Any 1`) labels as the first does', () => {
    for (const name of ['year.1', 'Any 1', 'Jahr_2']) expect(isIdentifierColumn(name, ['2016', '2019', '2016'])).toBe(true);
    // A count numbered the same way is still a count.
    expect(isIdentifierColumn('Volume 1', ['12', '40', '12'])).toBe(false);
  });

  it('a column called time that holds hours of the day (0..24) labels the hour; one with other numbers measures', () => {
    expect(isIdentifierColumn('time', ['0', '5', '13', '23'])).toBe(true);
    expect(isIdentifierColumn('Heure', ['7', '8'])).toBe(true);
    // Travel times in seconds, or minutes with decimals, are readings.
    expect(isIdentifierColumn('time', ['95', '120', '61'])).toBe(false);
    expect(isIdentifierColumn('time', ['4.5', '6', '12.25'])).toBe(false);
  });

  it('a running number (unique, always growing integers) identifies rows whatever its name', () => {
    expect(looksLikeRunningNumber(running(20151101001, 40))).toBe(true);
    expect(isIdentifierColumn('serial', running(20151101001, 40))).toBe(true);
  });

  it('counts are not identifiers: they repeat, fall, have decimals, or the sample is too small to tell', () => {
    expect(isIdentifierColumn('Vehicles', ['12', '40', '12', '7'])).toBe(false);
    expect(looksLikeRunningNumber(['1.5', '2.5', ...running(3, 40)])).toBe(false);
    expect(looksLikeRunningNumber([...running(1, 20), '5', ...running(30, 20)])).toBe(false);
    expect(looksLikeRunningNumber(running(1, 10))).toBe(false);
  });

  it('a cumulative counter grows on every row but is named as a count: a measure', () => {
    expect(isIdentifierColumn('cumulative_count', cumulative(1000, 40))).toBe(false);
    expect(isIdentifierColumn('Total', cumulative(1000, 40))).toBe(false);
  });
});

describe('where on the road, or what was counted there', () => {
  it.each(['Lane 1 Flow (Veh/5 Minutes)', 'lane_volume', 'direction_count', 'channel_1', 'Channel 2', 'Class #5 - Northbound', 'FHWA Class 9', 'klasse_2'])('%s counts traffic', (name) => {
    expect(isIdentifierColumn(name, ['12', '40', '7'])).toBe(false);
  });
  it.each(['# Lane Points', 'Lane', 'sens', 'Channel'])('%s labels', (name) => {
    expect(isIdentifierColumn(name, ['1', '2', '1'])).toBe(true);
  });
});

describe('how many of something a site has', () => {
  it.each(['nb_canaux', 'nb_annee', 'number of lanes', 'count_of_channels', 'nombre de voies'])('%s describes the site, it does not measure', (name) => {
    expect(isIdentifierColumn(name, ['3', '1', '3'])).toBe(true);
  });
  it.each(['nb_vehicules', 'number of vehicles', 'nombre de passages', 'count lane1'])('%s counts traffic', (name) => {
    expect(isIdentifierColumn(name, ['317', '120', '402'])).toBe(false);
  });
});

describe('Slovenian road-section tables', () => {
  it.each(['Stac. začetka', 'Stac. konca', 'Števno mesto'])('%s (chainage, counting-site number) labels', (name) => {
    expect(isIdentifierColumn(name, ['0', '482', '674'])).toBe(true);
  });
});
