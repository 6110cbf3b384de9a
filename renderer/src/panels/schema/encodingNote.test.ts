import { describe, expect, it } from 'vitest';
import { encodingNote } from './encodingNote';

describe('encodingNote', () => {
  it('says nothing for plain UTF-8 or a topic', () => {
    expect(encodingNote({ name: 'utf-8', chosen: false })).toBeNull();
    expect(encodingNote(null)).toBeNull();
  });

  it('names a detected or chosen encoding', () => {
    expect(encodingNote({ name: 'windows-1252', chosen: false })).toBe('Encoding: Windows-1252, detected');
    expect(encodingNote({ name: 'utf-16le', chosen: false })).toBe('Encoding: UTF-16 LE, detected');
    expect(encodingNote({ name: 'utf-8', chosen: true })).toBe('Encoding: UTF-8, chosen');
  });
});
