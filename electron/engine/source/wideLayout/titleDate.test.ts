import { describe, expect, it } from 'vitest';
import { findTitleDate } from './titleDate';

describe('the one day a title or header names', () => {
  it('is read year first with any separator, or day first with dots', () => {
    expect(findTitleDate(['Name  /  Date: 2015_01_01', '0:00'])).toEqual({ iso: '2015-01-01', source: 'Name  /  Date: 2015_01_01' });
    expect(findTitleDate(['Zählstellenbericht vom 14.03.2025'])?.iso).toBe('2025-03-14');
    expect(findTitleDate(['Counts 2024/02/29 (leap day)'])?.iso).toBe('2024-02-29');
    // The same day twice is still one day.
    expect(findTitleDate(['Date: 2023-05-06', 'Stand 06.05.2023'])?.iso).toBe('2023-05-06');
  });

  it('is none when the texts name no day, an impossible one, a period, or a date that could be read two ways', () => {
    expect(findTitleDate(['Site', '0:00', '1:00'])).toBeNull();
    expect(findTitleDate(['Date: 2015-02-30'])).toBeNull();
    expect(findTitleDate(['Period 2025-08-14 to 2025-09-08'])).toBeNull();
    expect(findTitleDate(['Counts of 03/04/2025'])).toBeNull();
    // Numbers inside longer numbers (ids, serials) are no date.
    expect(findTitleDate(['Station 120150101012'])).toBeNull();
  });
});
