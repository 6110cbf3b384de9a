import { describe, expect, it } from 'vitest';
import { locationNameTier, pickLocationColumn, repeatsEvenlyPerTimeSlot, repeatsPerTimeSlot } from './locationColumn';

describe('location by name', () => {
  it.each(['Junction', 'Intersection Name', 'site', 'Station', 'Zählstelle', 'site_de_comptage', 'estacion', 'Nom du compteur', 'count_point_id', 'Zst', 'ZST_NR', '計測地点番号', '交差点名', '测点编号', '站点', '지점', 'MSID', 'ZSName', 'MQ_Nr'])(
    '%s names a place',
    (name) => expect(locationNameTier(name)).toBe(1),
  );
  it.each(['Detector ID', 'sensor', 'camera'])('%s names the device counting at a place', (name) => expect(locationNameTier(name)).toBe(2));
  it.each(['link_id', 'road_name', 'segment nr'])('%s is a place only because it says it identifies one', (name) => expect(locationNameTier(name)).toBe(3));
  it.each(['road_type', 'CarCount', 'Total', 'site_count', 'Traffic Situation', 'weather_main', 'Zstand', 'AZST', 'AnzDetektoren', 'number_of_sensors', 'n_detectors', 'nb_capteurs', 'MS', 'msec'])('%s does not name a place', (name) =>
    expect(locationNameTier(name)).toBe(0),
  );

  it.each(['type_compteur', 'station_type', 'Tip   štetja', 'Art der Zählstelle', 'Location Type', 'site category'])('%s names a kind of place, not the place', (name) =>
    expect(locationNameTier(name)).toBe(0),
  );

  it('prefers the junction to the detector, and whole-number ids to decimals', () => {
    const names = ['Detector ID', 'Intersection Name', 'Volume'];
    const samples = [['10', '11', '10'], ['A St', 'B St', 'A St'], ['4.5', '6.5', '7']];
    expect(pickLocationColumn(names, samples, [true, false, true], [0, 1, 2], null)).toEqual({ index: 1, basis: 'name' });
    expect(pickLocationColumn(['station'], [['1.5', '2.25']], [true], [0], null)).toBeNull();
  });

  it('a column named location that holds coordinates is passed over for the place it locates', () => {
    const names = ['location', 'sensor_id', 'hourly_counts'];
    const points = ['(-37.8134944, 144.96515324)', '(-37.81380667, 144.96516719)', '(-37.81101524, 144.96429485)'];
    const samples = [points, ['1', '2', '3'], ['108', '52', '77']];
    expect(pickLocationColumn(names, samples, [false, true, true], [0, 1, 2], null)).toEqual({ index: 1, basis: 'name' });
    for (const geometry of [['POINT (144.96 -37.81)', 'POINT (144.97 -37.82)'], ['-37.81 144.96', '-37.82 144.97'], ['{"type":"Point","coordinates":[2.3,48.8]}']]) {
      expect(pickLocationColumn(['location', 'site'], [geometry, ['A', 'B']], [false, false], [0, 1], null)).toEqual({ index: 1, basis: 'name' });
      // With nothing else to name the place, the coordinates stand for it.
      expect(pickLocationColumn(['location', 'volume'], [geometry, ['4', '5']], [false, true], [0, 1], null)).toEqual({ index: 0, basis: 'name' });
    }
    // Place names with numbers in them are still places.
    expect(pickLocationColumn(['location'], [['A1 km 12.5', 'Route 66, exit 3']], [false], [0], null)).toEqual({ index: 0, basis: 'name' });
  });

  it('a column named as the place that holds one value, while rows share each time slot, gives way to the column that tells them apart', () => {
    // Zürich's long table: `location` is the canton on every row; the station is in `variable_short`, once per day.
    const days = ['2020-01-01', '2020-01-02', '2020-01-03'];
    const series = ['total_ZH0109', 'pw_ZH0109', 'total_ZH0202', 'pw_ZH0202'];
    const rows = days.flatMap((day) => series.map((name) => ({ day, name })));
    const samples = [rows.map(() => 'ZH'), rows.map((row) => row.name), rows.map((_, i) => String(100 + i))];
    const slots = rows.map((row) => row.day);
    expect(pickLocationColumn(['location', 'variable_short', 'value'], samples, [false, false, true], [0, 1, 2], slots)).toEqual({ index: 1, basis: 'data' });
    // One segment counted in two directions: the directions are its rows in a slot, not places.
    const directions = days.flatMap((day) => ['NB', 'SB'].map((direction) => ({ day, direction })));
    const twoWay = [directions.map(() => '1000'), directions.map((row) => row.direction), directions.map((_, i) => String(50 + i))];
    expect(pickLocationColumn(['Segment ID', 'Direction', 'Volume'], twoWay, [true, false, true], [0, 1, 2], directions.map((row) => row.day))).toEqual({ index: 0, basis: 'name' });
    // Four approaches of one junction, named as directions: still the junction's rows.
    const approaches = days.flatMap((day) => ['NB', 'SB', 'EB', 'WB'].map((direction) => ({ day, direction })));
    const fourWay = [approaches.map(() => '1000'), approaches.map((row) => row.direction), approaches.map((_, i) => String(50 + i))];
    expect(pickLocationColumn(['Segment ID', 'Direction', 'Volume'], fourWay, [true, false, true], [0, 1, 2], approaches.map((row) => row.day))).toEqual({ index: 0, basis: 'name' });
    // One row per slot (a single place, as Brooklyn's bridge counts): the named column stays.
    const single = [days.map(() => 'Brooklyn Bridge'), ['clear-day', 'rain', 'clear-day'], ['1', '2', '3']];
    expect(pickLocationColumn(['location', 'weather_summary', 'value'], single, [false, false, true], [0, 1, 2], days)).toEqual({ index: 0, basis: 'name' });
  });

  it('a numeric column named like a place but holding many different numbers is a reading', () => {
    const counts = Array.from({ length: 100 }, (_, i) => String((i * 37) % 301));
    expect(pickLocationColumn(['counter'], [counts], [true], [0], null)).toBeNull();
  });
});

describe('location: many ids under a name that says it identifies a place', () => {
  it.each(['Štev. odseka', 'id_centrale', 'id_tratta', 'št. odseka', 'broj dionice', 'číslo úseku', 'nr odcinka'])('%s names a place by its number', (name) =>
    expect(locationNameTier(name)).toBe(3),
  );

  it('road-section codes written with leading zeros are places, however many (a map of sections, no time)', () => {
    const codes = ['0030', '0030', '0199', '0201', '0202', '1450', 'N0361', '1451'];
    expect(pickLocationColumn(['Štev. odseka', 'PLDP'], [codes, ['25', '31', '9', '12', '40', '7', '3', '8']], [true, true], [0, 1], null)).toEqual({ index: 0, basis: 'name' });
    expect(pickLocationColumn(['Štev. odseka'], [codes.map((code) => code.replace(/^[N0]+/, ''))], [true], [0], null)).toBeNull();
  });

  it('station ids coming back a few rows per year are places (yearly averages per channel)', () => {
    const ids = ['1198', '1198', '1198', '972', '1195', '1195', '1195', '9', '9', '9', '972', '1198', '1198', '1198', '9', '9'];
    const years = ids.map((_, i) => (i < 8 ? '2024' : '2023'));
    expect(pickLocationColumn(['id_centrale'], [ids], [true], [0], years)).toEqual({ index: 0, basis: 'name' });
    // Ids never coming back are record numbers, not places.
    expect(pickLocationColumn(['id_centrale'], [ids.map((_, i) => String(100 + i))], [true], [0], years)).toBeNull();
  });
});

describe('location: a short extract of many stations', () => {
  // Five stations over four 5-minute intervals (a PeMS export): 25% of the sample's rows are
  // different ids, more than a reading would allow, yet each is once in every interval.
  const stations = ['760063', '760074', '760080', '767838', '773656'];
  const slots = Array.from({ length: 20 }, (_, i) => `00:${String(5 * Math.floor(i / 5)).padStart(2, '0')}`);
  const ids = slots.map((_, i) => stations[i % 5] as string);
  const flows = ['157', '177', '199', '143', '138', '195', '200', '248', '194', '198', '185', '253', '296', '182', '196', '162', '211', '235', '141', '158'];

  it('a column named for the station is the location when its ids repeat in step with the time slots', () => {
    expect(pickLocationColumn(['station_id', 'flow'], [ids, flows], [true, true], [0, 1], slots)).toEqual({ index: 0, basis: 'name' });
  });

  it('so is an unnamed id column, from the data', () => {
    expect(pickLocationColumn(['vds', 'flow'], [ids, flows], [true, true], [0, 1], slots)).toEqual({ index: 0, basis: 'data' });
  });

  it('without time slots to show the step, so many ids are still no location', () => {
    expect(pickLocationColumn(['station_id', 'flow'], [ids, flows], [true, true], [0, 1], null)).toBeNull();
  });
});

describe('location from the data', () => {
  const slots = Array.from({ length: 30 }, (_, i) => `t${Math.floor(i / 3)}`);
  it('values that appear once per time slot and recur from slot to slot are places', () => {
    expect(repeatsPerTimeSlot(slots.map((_, i) => ['Nord', 'Süd', 'Mitte'][i % 3] as string), slots)).toBe(true);
  });
  it('a reading (many values), a category repeating inside a slot, or one row per slot is not', () => {
    expect(repeatsPerTimeSlot(slots.map((_, i) => String(i * 13)), slots)).toBe(false);
    expect(repeatsPerTimeSlot(slots.map((_, i) => (i % 3 === 2 ? 'high' : 'low')), slots)).toBe(false);
    const single = Array.from({ length: 30 }, (_, i) => `t${i}`);
    expect(repeatsPerTimeSlot(single.map((_, i) => ['a', 'b'][i % 2] as string), single)).toBe(false);
  });
});

describe('location from the data, one row per direction', () => {
  // Four sites, each with a northbound and a southbound row in every 15-minute slot.
  const sites = ['Main St', 'Oak Ave', 'Pine Rd', 'Elm St'];
  const rows = Array.from({ length: 10 }, (_, slot) => sites.flatMap((site) => ['NB', 'SB'].map((direction) => ({ slot: `t${slot}`, site, direction })))).flat();
  const slots = rows.map((row) => row.slot);
  it('a place repeats evenly in every slot, and so does the direction; the place has more values', () => {
    expect(repeatsPerTimeSlot(rows.map((row) => row.site), slots)).toBe(false);
    expect(repeatsEvenlyPerTimeSlot(rows.map((row) => row.site), slots)).toEqual({ distinct: 4, times: 2 });
    expect(repeatsEvenlyPerTimeSlot(rows.map((row) => row.direction), slots)).toEqual({ distinct: 2, times: 4 });
    const samples = [rows.map((row) => row.direction), rows.map((row) => row.site), rows.map((_, i) => String(100 + ((i * 37) % 91)))];
    expect(pickLocationColumn(['direction', 'name', 'volume'], samples, [false, false, true], [0, 1, 2], slots)).toEqual({ index: 1, basis: 'data', rowsPerSlot: 2 });
  });
  it('a reading or a value repeating unevenly is no place', () => {
    expect(repeatsEvenlyPerTimeSlot(rows.map((_, i) => String(i * 13)), slots)).toBeNull();
    expect(repeatsEvenlyPerTimeSlot(rows.map((_, i) => (i % 3 === 0 ? 'high' : 'low')), slots)).toBeNull();
  });
});

describe('location by data: the finest of several', () => {
  it('takes the column that tells the most places apart when several repeat once per slot (a loop code over the cross street two loops share)', () => {
    const loops = ['2.6 2.10 6 1', '3.9 3.52 8 1', '4.9 4.19 8 1', '4.9 3.50 4 1', '5.1 1.10 2 1'];
    const streets = ['Via U.Foscolo', 'Via Boldrini', 'P.zza S.Vitale', 'P.zza S.Vitale', 'Via Dante'];
    const slots: string[] = [];
    const street: string[] = [];
    const code: string[] = [];
    for (let slot = 0; slot < 8; slot++) {
      // One of the two loops at the shared square reports each slot: the street stays once per slot.
      for (const at of slot % 2 === 0 ? [0, 1, 2, 4] : [0, 1, 3, 4]) {
        slots.push(`2023-03-07 0${slot}:00`);
        street.push(streets[at] as string);
        code.push(loops[at] as string);
      }
    }
    expect(pickLocationColumn(['TRA VIA', 'Codice'], [street, code], [false, false], [0, 1], slots)).toEqual({ index: 1, basis: 'data' });
  });
});
