import { describe, expect, it } from 'vitest';
import { locationNameTier, pickLocationColumn, repeatsPerTimeSlot } from './locationColumn';

describe('location by name', () => {
  it.each(['Junction', 'Intersection Name', 'site', 'Station', 'Zählstelle', 'site_de_comptage', 'estacion', 'Nom du compteur', 'count_point_id'])(
    '%s names a place',
    (name) => expect(locationNameTier(name)).toBe(1),
  );
  it.each(['Detector ID', 'sensor', 'camera'])('%s names the device counting at a place', (name) => expect(locationNameTier(name)).toBe(2));
  it.each(['link_id', 'road_name', 'segment nr'])('%s is a place only because it says it identifies one', (name) => expect(locationNameTier(name)).toBe(3));
  it.each(['road_type', 'CarCount', 'Total', 'site_count', 'Traffic Situation', 'weather_main'])('%s does not name a place', (name) =>
    expect(locationNameTier(name)).toBe(0),
  );

  it('prefers the junction to the detector, and whole-number ids to decimals', () => {
    const names = ['Detector ID', 'Intersection Name', 'Volume'];
    const samples = [['10', '11', '10'], ['A St', 'B St', 'A St'], ['4.5', '6.5', '7']];
    expect(pickLocationColumn(names, samples, [true, false, true], [0, 1, 2], null)).toEqual({ index: 1, basis: 'name' });
    expect(pickLocationColumn(['station'], [['1.5', '2.25']], [true], [0], null)).toBeNull();
  });

  it('a numeric column named like a place but holding many different numbers is a reading', () => {
    const counts = Array.from({ length: 100 }, (_, i) => String((i * 37) % 301));
    expect(pickLocationColumn(['counter'], [counts], [true], [0], null)).toBeNull();
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
