import { describe, expect, it } from 'vitest';
import { withRecentFile, withoutRecentFile } from './recentFiles';

describe('recent files', () => {
  it('newest first, a reopened file moves to the top instead of appearing twice', () => {
    expect(withRecentFile(['/a.csv', '/b.csv'], '/b.csv')).toEqual(['/b.csv', '/a.csv']);
  });

  it('keeps at most ten, dropping the oldest', () => {
    const eleven = Array.from({ length: 10 }, (_, i) => `/f${i}.csv`);
    const list = withRecentFile(eleven, '/new.csv');
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/new.csv');
    expect(list).not.toContain('/f9.csv');
  });

  it('a missing file can be removed', () => {
    expect(withoutRecentFile(['/a.csv', '/gone.csv'], '/gone.csv')).toEqual(['/a.csv']);
  });
});
