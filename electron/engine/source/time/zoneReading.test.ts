import { describe, expect, it } from 'vitest';
import { TIME_FORMATS, asWrittenParser, writtenZone } from './timeFormats';
import { chooseZoneReading } from './zoneReading';

const iso = TIME_FORMATS.iso;

describe('zones written beside times', () => {
  it('tells how each time writes its zone', () => {
    expect(writtenZone(iso, '2024-01-04T22:00:00+01:00')).toEqual({ kind: 'offset', offsetMs: 3_600_000 });
    expect(writtenZone(iso, '2024-01-04T22:00:00.000+0530')).toEqual({ kind: 'offset', offsetMs: 19_800_000 });
    expect(writtenZone(iso, '2024-01-04 22:00:00 CDT')).toEqual({ kind: 'offset', offsetMs: -18_000_000 });
    expect(writtenZone(iso, '2024-01-04T22:00:00+00:00')).toEqual({ kind: 'offset', offsetMs: 0 });
    expect(writtenZone(iso, '2024-01-04T22:00:00Z')).toEqual({ kind: 'utc', offsetMs: 0 });
    expect(writtenZone(iso, '2024-01-04 22:00:00 UTC')).toEqual({ kind: 'utc', offsetMs: 0 });
    expect(writtenZone(iso, '2024-01-04 22:00')).toEqual({ kind: 'none', offsetMs: 0 });
    expect(writtenZone(iso, 'yesterday')).toBeNull();
  });

  it('reads the clock written, whatever zone follows, and forgets one text’s zone at the next', () => {
    const parse = asWrittenParser(iso);
    expect(parse('2024-01-04T22:00:00+01:00')).toBe(Date.UTC(2024, 0, 4, 22));
    expect(parse('2024-07-04T22:00:00-07:00')).toBe(Date.UTC(2024, 6, 4, 22));
    expect(parse('2024-07-04T22:00:00')).toBe(Date.UTC(2024, 6, 4, 22));
    expect(parse('2024-07-04T22:00:00+02:00 trailing')).toBeNull();
    expect(asWrittenParser(TIME_FORMATS.mdy)('7/4/2024 10:00 PM')).toBe(Date.UTC(2024, 6, 4, 22));
  });

  it('keeps local clocks as written, and converts only a column that mixes UTC times with local ones', () => {
    // Paris all year (+01:00 in winter, +02:00 in summer); London (+00:00 in winter is an offset, not UTC).
    expect(chooseZoneReading(iso, ['2024-01-04T22:00:00+01:00', '2024-06-04T22:00:00+02:00'])).toEqual({ reading: 'as-written', offsets: ['+01:00', '+02:00'] });
    expect(chooseZoneReading(iso, ['2024-01-04T22:00:00+00:00', '2024-06-04T22:00:00+01:00'])).toEqual({ reading: 'as-written', offsets: ['+00:00', '+01:00'] });
    expect(chooseZoneReading(iso, ['2024-01-04T22:00:00-05:30', ''])).toEqual({ reading: 'as-written', offsets: ['-05:30'] });
    // Two loggers of one moment: one in UTC, one in local time.
    expect(chooseZoneReading(iso, ['2025-06-01T08:15:00+02:00', '2025-06-01T06:15:00Z'])).toEqual({ reading: 'utc', offsets: ['+02:00'] });
    // Nothing local: no choice to make.
    expect(chooseZoneReading(iso, ['2025-06-01T06:15:00Z', '2025-06-01 06:30'])).toBeNull();
    expect(chooseZoneReading(iso, ['2025-06-01 06:30', 'not a time'])).toBeNull();
  });
});
