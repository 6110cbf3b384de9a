import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './originCheck';
import { safeUploadName } from './uploadStore';

describe('isAllowedOrigin', () => {
  it('lets the host’s own pages and origin-less clients in', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5180', 5180)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5180', 5180)).toBe(true);
    expect(isAllowedOrigin(undefined, 5180)).toBe(true);
  });

  it('keeps other sites and other ports out', () => {
    expect(isAllowedOrigin('https://example.org', 5180)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:5181', 5180)).toBe(false);
    expect(isAllowedOrigin('null', 5180)).toBe(false);
  });
});

describe('safeUploadName', () => {
  it('keeps a plain name and strips any path', () => {
    expect(safeUploadName('Traffic.csv')).toBe('Traffic.csv');
    expect(safeUploadName('../../etc/passwd')).toBe('passwd');
    expect(safeUploadName('C:\\Users\\me\\counts (1).csv')).toBe('counts (1).csv');
  });

  it('never yields an empty or special name', () => {
    expect(safeUploadName('')).toBe('upload.csv');
    expect(safeUploadName('..')).toBe('upload.csv');
    expect(safeUploadName('we;ird$name.csv')).toBe('we_ird_name.csv');
  });
});
