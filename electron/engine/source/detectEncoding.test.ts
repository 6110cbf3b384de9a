import { describe, expect, it } from 'vitest';
import { detectEncoding, isUtf8Probe } from './detectEncoding';

const whole = (head: Buffer): { head: Buffer; tail: null } => ({ head, tail: null });

describe('detectEncoding', () => {
  it('follows a byte-order mark, whatever comes after it', () => {
    expect(detectEncoding(whole(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff])))).toBe('utf-8');
    expect(detectEncoding(whole(Buffer.from([0xff, 0xfe, 0x41, 0x00])))).toBe('utf-16le');
    expect(detectEncoding(whole(Buffer.from([0xfe, 0xff, 0x00, 0x41])))).toBe('utf-16be');
  });

  it('reads valid UTF-8 (plain ASCII included) as UTF-8', () => {
    expect(detectEncoding(whole(Buffer.from('Ort;Zähler\nKöln;7\n')))).toBe('utf-8');
    expect(detectEncoding(whole(Buffer.from('a,b\n1,2\n')))).toBe('utf-8');
  });

  it('reads a file that is not valid UTF-8 as Windows-1252', () => {
    expect(detectEncoding(whole(Buffer.from('Ort;Zähler\nKöln;7\n', 'latin1')))).toBe('windows-1252');
  });

  it('probes the tail too: an ASCII head does not make a Latin-1 file UTF-8', () => {
    const head = Buffer.from('Ort;Zahl\nA;1\n');
    expect(detectEncoding({ head, tail: Buffer.from('Köln;7\n', 'latin1') })).toBe('windows-1252');
    expect(detectEncoding({ head, tail: Buffer.from('Köln;7\n') })).toBe('utf-8');
  });

  it('forgives a UTF-8 character cut where a probe starts or ends', () => {
    const text = Buffer.from('Köln;Zürich;Straße');
    expect(isUtf8Probe(text.subarray(0, 2), false, true)).toBe(true); // "K" + half of "ö"
    expect(isUtf8Probe(text.subarray(2), true, false)).toBe(true); // the other half first
    expect(isUtf8Probe(text.subarray(0, 2), false, false)).toBe(false);
    expect(detectEncoding({ head: text.subarray(0, 2), tail: text.subarray(2) })).toBe('utf-8');
  });

  it('recognises Western text written as UTF-16 without a mark by its zero high bytes', () => {
    const text = 'Time,Count\n2026-10-01T08:00:00Z,7\n';
    expect(detectEncoding(whole(Buffer.from(text, 'utf16le')))).toBe('utf-16le');
    expect(detectEncoding(whole(Buffer.from(text, 'utf16le').swap16()))).toBe('utf-16be');
  });

  it('leaves a binary file to be refused for its NUL bytes (not UTF-16: zeros are not on one side only)', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
    expect(detectEncoding(whole(binary))).toBe('windows-1252');
  });
});
