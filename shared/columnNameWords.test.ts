import { describe, expect, it } from 'vitest';
import { QUALITY_SHARE, hasStem, nameWords } from './columnNameWords';

describe('column names read as words', () => {
  it('splits at separators, digits and camelCase', () => {
    expect(nameWords('Fremont Bridge Sidewalks, south of N 34th St')).toEqual(['fremont', 'bridge', 'sidewalks', 'south', 'of', 'n', 'th', 'st']);
    expect(nameWords('avgDewPoint_2m')).toEqual(['avg', 'dew', 'point', 'm']);
  });

  it('finds a short stem only where it begins a word', () => {
    const dew = { prefixes: ['dew'] };
    expect(hasStem('Cyclist East Sidewalk', dew)).toBe(false);
    expect(hasStem('dew_point', dew)).toBe(true);
    expect(hasStem('DewPoint', dew)).toBe(true);
    expect(hasStem('train_count', { prefixes: ['rain'] })).toBe(false);
  });

  it('finds a long stem inside a compound and an exact word only whole', () => {
    expect(hasStem('Lufttemperatur', { anywhere: ['temperat'] })).toBe(true);
    expect(hasStem('v85', { exact: ['v'] })).toBe(true);
    expect(hasStem('volume', { exact: ['v'] })).toBe(false);
  });

  it.each(['qualitaet', 'Qualität', 'qualite', 'calidad', 'kwaliteit', 'quality_share', 'observed_percent', 'pct_observed', 'valid', 'confidence'])(
    'reads %s as a quality share',
    (name) => expect(hasStem(name, QUALITY_SHARE)).toBe(true),
  );

  it.each(['q_kfz_det_hr', 'Volume', 'Débit horaire', 'intensidad'])('does not read %s as a quality share', (name) => {
    expect(hasStem(name, QUALITY_SHARE)).toBe(false);
  });
});
