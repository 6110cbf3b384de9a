/** What the desktop page may name: picked or shown paths only, and only so many of them. */
import { describe, expect, it } from 'vitest';
import type { ViewUpdate } from '../../../shared/contract';
import { PathGrants } from './pathGrants';

describe('PathGrants', () => {
  it('grants picked paths and those a view shows (open file, history file), nothing else', () => {
    const grants = new PathGrants();
    grants.grant('/home/u/picked.csv');
    grants.grant(null);
    grants.grantShown({ file: { path: '/home/u/open.csv' }, predict: { settings: { history: { kind: 'csv', path: '/home/u/history.csv' } } } } as unknown as ViewUpdate);
    grants.grantShown({ predict: { settings: { history: { kind: 'fileDays', days: 7 } } } } as unknown as ViewUpdate);
    expect(['/home/u/picked.csv', '/home/u/open.csv', '/home/u/history.csv'].every((path) => grants.has(path))).toBe(true);
    expect(grants.has('/etc/shadow')).toBe(false);
    expect(grants.has('')).toBe(false);
  });

  it('forgets the oldest grant past 256, keeping one granted again fresh', () => {
    const grants = new PathGrants();
    grants.grant('/first');
    for (let i = 0; i < 255; i++) grants.grant(`/p${i}`);
    grants.grant('/first');
    grants.grant('/one-more');
    expect(grants.has('/first')).toBe(true);
    expect(grants.has('/p0')).toBe(false);
    expect(grants.has('/p1')).toBe(true);
  });
});
