import { describe, expect, it } from 'vitest';
import { pathsIn, refusePaths } from './pathCapabilities';

describe('path capabilities of socket commands', () => {
  it('finds paths under any path-like key, however nested', () => {
    expect(pathsIn({ path: '/a' })).toEqual(['/a']);
    expect(pathsIn({ profile: { tls: { caPath: '/ca.pem', certPath: null, keyPath: '/k' } } })).toEqual(['/ca.pem', '/k']);
    expect(pathsIn({ history: { kind: 'csv', path: '/h.csv' } })).toEqual(['/h.csv']);
    expect(pathsIn({ sql: 'SELECT 1' })).toEqual([]);
    expect(pathsIn(JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`))).toBeNull();
  });

  it('lets through only issued uploads and no saving command', () => {
    const issued = (path: string): boolean => path === '/data/uploads/upload-x/f.csv';
    expect(refusePaths('file:open', { path: '/data/uploads/upload-x/f.csv' }, issued)).toBeNull();
    expect(refusePaths('file:open', { path: '/etc/shadow' }, issued)).toMatch(/opened by uploading/);
    expect(refusePaths('kafkaProfile:save', { profile: { tls: { caPath: '/dev/zero' } } }, issued)).toMatch(/opened by uploading/);
    expect(refusePaths('rejected:save', { path: '/data/uploads/upload-x/f.csv' }, issued)).toMatch(/saved as downloads/);
    expect(refusePaths('sql:export', { queryId: 1 }, issued)).toMatch(/saved as downloads/);
    expect(refusePaths('predict:export', { what: 'forecasts', path: '/home/user/.bashrc' }, issued)).toMatch(/saved as downloads/);
    expect(refusePaths('session:snapshot', {}, issued)).toBeNull();
  });
});
