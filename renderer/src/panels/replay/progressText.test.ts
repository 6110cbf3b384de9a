import { describe, expect, it } from 'vitest';
import { positionText, replayedSinceSeekText } from './progressText';

const base = { position: 0, totalRows: 26_880, totalExact: true, rowsRead: 0, seekedTo: null };

describe('progress text', () => {
  it('counts the file position, not the rows replayed, so it matches the bar after a seek', () => {
    const afterSeek = { ...base, position: 26_880, rowsRead: 12_992, seekedTo: { kind: 'row' as const, row: 13_888 } };
    expect(positionText(afterSeek)).toBe('26,880 of 26,880 rows');
    expect(replayedSinceSeekText(afterSeek)).toBe('· 12,992 replayed since the seek');
  });

  it('shows no replayed-since figure without a seek, and marks an estimated total', () => {
    const estimated = { ...base, position: 160, rowsRead: 160, totalExact: false };
    expect(positionText(estimated)).toBe('160 of ≈26,880 rows');
    expect(replayedSinceSeekText(estimated)).toBeNull();
    expect(positionText({ ...base, totalRows: null })).toBe('0 of ? rows');
  });
});
