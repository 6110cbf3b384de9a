import { describe, expect, it } from 'vitest';
import { kafkaProfileDraftSchema, type KafkaProfile } from '../../../../shared/kafka/profileContract';
import { clientKeyFromForm, draftFromForm, emptyForm, formFromProfile, parseBrokers, passwordFromForm } from './profileForm';

const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

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
      tls: {
        enabled: true,
        ca: { name: 'ca.pem', pem: CA_PEM, description: '1 certificate, subject CN=Test CA, valid until 2027-01-01' },
        cert: { name: 'client.pem', pem: CA_PEM },
        key: { name: 'client.key', stored: true },
        rejectUnauthorized: true,
      },
      sasl: { mechanism: 'plain', username: 'app', passwordStored: true },
    };
    const form = formFromProfile(profile);
    expect(form.password).toBe('');
    expect(form.passwordStored).toBe(true);
    const draft = draftFromForm(form);
    expect(kafkaProfileDraftSchema.parse(draft)).toEqual({
      ...profile,
      tls: { ...profile.tls, ca: { name: 'ca.pem', pem: CA_PEM }, key: { name: 'client.key' } },
      sasl: { mechanism: 'plain', username: 'app' },
    });
    // The stored key is never sent back; a newly chosen one is, once.
    expect(clientKeyFromForm(form)).toBeUndefined();
    expect(clientKeyFromForm({ ...form, key: { name: 'new.key', pem: 'KEY PEM', stored: false } })).toBe('KEY PEM');
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
