import { describe, expect, it } from 'vitest';
import { busSelectionSchema } from '../../../../shared/kafka/busContract';
import { busFormFrom, DEFAULT_TOPIC, selectionFromForm } from './busSelectionForm';

describe('bus selection form', () => {
  it('defaults to the embedded log, with traffic.replay ready for Kafka', () => {
    const form = busFormFrom({ kind: 'embedded' }, 'p1');
    expect(selectionFromForm(form)).toEqual({ ok: true, selection: { kind: 'embedded' } });
    expect(form.topic).toBe(DEFAULT_TOPIC);
  });

  it('builds a valid Kafka selection and round-trips it', () => {
    const form = { ...busFormFrom({ kind: 'embedded' }, 'p1'), kind: 'kafka' as const, startFrom: 'latest' as const, compression: 'gzip' as const, rowsPerMessage: 64 };
    const result = selectionFromForm(form);
    expect(result.ok && busSelectionSchema.parse(result.selection)).toEqual({
      kind: 'kafka',
      profileId: 'p1',
      topic: 'traffic.replay',
      createTopic: true,
      startFrom: { kind: 'latest' },
      compression: 'gzip',
      rowsPerMessage: 64,
    });
    if (result.ok) expect(busFormFrom(result.selection, 'other')).toEqual(form);
  });

  it('reads a selection saved before rows per message existed as one message per row, and writes 1 as nothing', () => {
    const saved = busSelectionSchema.parse({ kind: 'kafka', profileId: 'p1', topic: 't', createTopic: false, startFrom: { kind: 'earliest' }, compression: 'none' });
    const form = busFormFrom(saved, 'p1');
    expect(form.rowsPerMessage).toBe(1);
    expect(selectionFromForm(form)).toEqual({ ok: true, selection: saved });
  });

  it('says what is missing', () => {
    const kafka = { ...busFormFrom({ kind: 'embedded' }, ''), kind: 'kafka' as const };
    expect(selectionFromForm(kafka)).toMatchObject({ ok: false, message: /profile/ });
    expect(selectionFromForm({ ...kafka, profileId: 'p', topic: 'bad topic' })).toMatchObject({ ok: false, message: /topic name/ });
    expect(selectionFromForm({ ...kafka, profileId: 'p', startFrom: 'timestamp' })).toMatchObject({ ok: false, message: /date and time/ });
    const at = selectionFromForm({ ...kafka, profileId: 'p', startFrom: 'timestamp', timestamp: '2024-03-01T08:30' });
    expect(at.ok && at.selection.kind === 'kafka' && at.selection.startFrom).toEqual({ kind: 'timestamp', timestamp: new Date('2024-03-01T08:30').getTime() });
  });
});
