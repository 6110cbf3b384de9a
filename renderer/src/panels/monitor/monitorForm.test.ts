import { describe, expect, it } from 'vitest';
import { emptyMonitorForm, epochToLocalInput, localInputToEpoch, monitorRequestFromForm } from './monitorForm';

describe('datetime-local ↔ epoch ms', () => {
  it('reads the value as local time', () => {
    expect(localInputToEpoch('2024-03-05T07:08')).toBe(new Date(2024, 2, 5, 7, 8).getTime());
    expect(localInputToEpoch('2024-03-05T07:08:09')).toBe(new Date(2024, 2, 5, 7, 8, 9).getTime());
    expect(localInputToEpoch('2024-03-05T07:08:09.5')).toBe(new Date(2024, 2, 5, 7, 8, 9, 500).getTime());
  });

  it('refuses what is not a real moment', () => {
    for (const value of ['', '2024-03-05', '2024-02-30T10:00', '2023-02-29T10:00', '2024-13-01T00:00', '2024-01-01T24:00', '2024-01-01T10:60', 'yesterday']) {
      expect(localInputToEpoch(value), value).toBeNull();
    }
    expect(localInputToEpoch('2024-02-29T10:00')).not.toBeNull();
  });

  it('refuses moments before the epoch (Kafka timestamps are not negative)', () => {
    expect(localInputToEpoch('1969-06-01T00:00')).toBeNull();
  });

  it('round-trips through the input format', () => {
    for (const ms of [new Date(2024, 6, 1, 12, 30).getTime(), new Date(2025, 0, 31, 23, 59, 7).getTime()]) {
      expect(localInputToEpoch(epochToLocalInput(ms))).toBe(ms);
    }
    expect(epochToLocalInput(new Date(2024, 6, 1, 12, 30).getTime())).toBe('2024-07-01T12:30');
    expect(epochToLocalInput(new Date(2024, 6, 1, 12, 30, 5).getTime())).toBe('2024-07-01T12:30:05');
  });
});

describe('monitorRequestFromForm', () => {
  const form = { ...emptyMonitorForm('profile-1', 'sensors.live') };

  it('builds the request', () => {
    expect(monitorRequestFromForm({ ...form, topic: '  sensors.live ', startFrom: 'latest', format: 'json' })).toEqual({
      ok: true,
      request: { profileId: 'profile-1', topic: 'sensors.live', startFrom: { kind: 'latest' }, format: 'json' },
    });
  });

  it('turns a point in time into epoch ms', () => {
    const result = monitorRequestFromForm({ ...form, startFrom: 'timestamp', timestamp: '2024-03-05T07:08' });
    expect(result).toEqual({
      ok: true,
      request: { profileId: 'profile-1', topic: 'sensors.live', startFrom: { kind: 'timestamp', timestamp: new Date(2024, 2, 5, 7, 8).getTime() }, format: 'auto' },
    });
  });

  it('says what is missing', () => {
    expect(monitorRequestFromForm({ ...form, profileId: '' })).toEqual({ ok: false, message: 'Pick a connection profile.' });
    expect(monitorRequestFromForm({ ...form, topic: ' ' })).toEqual({ ok: false, message: 'Name the topic to watch.' });
    expect(monitorRequestFromForm({ ...form, topic: 'bad topic!' })).toMatchObject({ ok: false, message: expect.stringContaining('letters, digits') });
    expect(monitorRequestFromForm({ ...form, startFrom: 'timestamp', timestamp: '' })).toEqual({ ok: false, message: 'Pick the date and time to start from.' });
  });
});
