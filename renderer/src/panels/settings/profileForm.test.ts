import { describe, expect, it } from 'vitest';
import { kafkaProfileDraftSchema, type KafkaProfile } from '../../../../shared/kafka/profileContract';
import { draftFromForm, emptyForm, formFromProfile, parseBrokers, passwordFromForm } from './profileForm';

describe('profile form', () => {
  it('splits brokers on commas, spaces and lines', () => {
    expect(parseBrokers(' a:1, b:2\nc:3 ;d:4 ')).toEqual(['a:1', 'b:2', 'c:3', 'd:4']);
  });

  it('round-trips a saved profile, and never holds its password', () => {
    const profile: KafkaProfile = {
      id: 'p1',
      name: 'Prod',
      brokers: ['k1:9093', 'k2:9093'],
      clientId: 'tm',
      tls: { enabled: true, caPath: '/etc/ca.pem', certPath: null, keyPath: null, rejectUnauthorized: true },
      sasl: { mechanism: 'plain', username: 'app', passwordStored: true },
    };
    const form = formFromProfile(profile);
    expect(form.password).toBe('');
    expect(form.passwordStored).toBe(true);
    const draft = draftFromForm(form);
    expect(kafkaProfileDraftSchema.parse(draft)).toEqual({ ...profile, sasl: { mechanism: 'plain', username: 'app' } });
    expect(passwordFromForm(form)).toBeUndefined();
    expect(passwordFromForm({ ...form, password: 'x' })).toBe('x');
    expect(passwordFromForm({ ...form, saslEnabled: false, password: 'x' })).toBeUndefined();
  });

  it('a new form has no id and the default client id', () => {
    const draft = draftFromForm({ ...emptyForm(), name: 'Local', brokers: '127.0.0.1:9092' });
    expect(draft).not.toHaveProperty('id');
    expect(kafkaProfileDraftSchema.parse(draft).clientId).toBe('traffic-monitor');
  });
});
