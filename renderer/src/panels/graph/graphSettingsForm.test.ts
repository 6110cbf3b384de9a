import { describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_SETTINGS } from '../../../../shared/graph/graphContract';
import { parseSettingsFields, settingsFields } from './graphSettingsForm';

describe('graph settings form', () => {
  it('reads back the settings it was filled from', () => {
    expect(parseSettingsFields(settingsFields(DEFAULT_GRAPH_SETTINGS))).toEqual({ ok: true, value: DEFAULT_GRAPH_SETTINGS });
  });

  it('takes an empty measure and capacity as auto, and typed numbers as numbers', () => {
    const parsed = parseSettingsFields({ measure: 'CarCount', windowMinutes: '15', laneCapacity: '1800', inferredEnabled: true, threshold: '0,8' });
    expect(parsed).toEqual({ ok: true, value: { measure: 'CarCount', windowMinutes: 15, laneCapacityPerHour: 1800, inferred: { enabled: true, threshold: 0.8 } } });
    const auto = parseSettingsFields({ measure: '', windowMinutes: '60', laneCapacity: 'auto', inferredEnabled: false, threshold: '0.9' });
    expect(auto.ok && auto.value.laneCapacityPerHour).toBeNull();
    expect(auto.ok && auto.value.measure).toBeNull();
  });

  it('says which field is wrong', () => {
    const base = settingsFields(DEFAULT_GRAPH_SETTINGS);
    expect(parseSettingsFields({ ...base, windowMinutes: '0' })).toMatchObject({ ok: false, message: /^Window/ });
    expect(parseSettingsFields({ ...base, windowMinutes: '' })).toMatchObject({ ok: false, message: /^Window/ });
    expect(parseSettingsFields({ ...base, laneCapacity: '-5' })).toMatchObject({ ok: false, message: /^Lane capacity/ });
    expect(parseSettingsFields({ ...base, threshold: '1.2' })).toMatchObject({ ok: false, message: /^Correlation/ });
  });
});
