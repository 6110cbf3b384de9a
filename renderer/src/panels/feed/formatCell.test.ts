import { describe, expect, it } from 'vitest';
import { formatCell } from './formatCell';

describe('a feed cell as text', () => {
  it('shows a cut cell’s start and the whole value’s length, an empty one as a dash', () => {
    expect(formatCell({ truncated: true, text: 'abc', length: 3_145_728 })).toBe('abc… (3,145,728 characters)');
    expect(formatCell(null)).toBe('–');
    expect(formatCell(12.5)).toBe('12.5');
  });
});
