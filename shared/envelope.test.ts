import { describe, expect, it } from 'vitest';
import { CommandError, isEnvelope, parseCommandArgs, toEnvelope, unwrap } from './envelope';

describe('command arguments', () => {
  it('accepts valid arguments', () => {
    expect(parseCommandArgs('threshold:set', { column: 'Total', operator: '>=', value: 50 })).toEqual({
      column: 'Total',
      operator: '>=',
      value: 50,
    });
    const start = { pace: { mode: 'event', speed: 60, maxGapSeconds: null }, limits: { durationSeconds: 30, rows: null, loop: false } };
    expect(parseCommandArgs('replay:start', start)).toEqual(start);
  });

  it('rejects wrong types, unknown operators and extra fields with the field named', () => {
    expect(() => parseCommandArgs('threshold:set', { column: 'Total', operator: '=', value: 50 })).toThrow(/operator/);
    expect(() => parseCommandArgs('replay:setPace', { pace: { mode: 'rows', rowsPerSecond: -5 } })).toThrow(/rowsPerSecond/);
    expect(() => parseCommandArgs('replay:seek', { target: { kind: 'line', line: 3 } })).toThrow(CommandError);
    expect(() =>
      parseCommandArgs('schema:apply', { overrides: { roles: { Total: 'boss' }, timeFormat: null, anchor: null }, remember: true }),
    ).toThrow(/roles/);
    expect(() => parseCommandArgs('file:open', { path: '/x.csv', shell: 'rm -rf /' })).toThrow(CommandError);
    try {
      parseCommandArgs('file:open', {});
    } catch (error) {
      expect((error as CommandError).code).toBe('INVALID_ARGS');
    }
  });
});

describe('envelopes', () => {
  it('wraps values and errors, and unwraps them back', async () => {
    const good = await toEnvelope(() => 42);
    expect(good).toEqual({ ok: true, value: 42 });
    expect(unwrap(good)).toBe(42);
    const bad = await toEnvelope(() => {
      throw new CommandError('FILE_NOT_FOUND', 'File not found: /nope.csv');
    });
    expect(bad).toEqual({ ok: false, error: { code: 'FILE_NOT_FOUND', message: 'File not found: /nope.csv' } });
    expect(() => unwrap(bad)).toThrow('File not found: /nope.csv');
    const crash = await toEnvelope(() => Promise.reject(new Error('boom')));
    expect(crash).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });

  it('recognises envelopes and nothing else', () => {
    expect(isEnvelope({ ok: true, value: null })).toBe(true);
    expect(isEnvelope({ ok: false, error: { code: 'INTERNAL', message: 'x' } })).toBe(true);
    expect(isEnvelope({ ok: false })).toBe(false);
    expect(isEnvelope('ok')).toBe(false);
  });
});
