/**
 * TLS files travel inside the page's `kafkaProfile:save` message, and the web host closes a socket
 * whose message is over its limit. Three files at the page's PEM limit, as real PEM text (64-column
 * lines, newlines escaped in JSON), must still fit in one message, or saving the largest allowed
 * files would drop the page's connection instead of saving them.
 */
import { describe, expect, it } from 'vitest';
import { PEM_MAX_BYTES, kafkaProfileCommands } from '../../shared/kafka/profileContract';
import { MAX_MESSAGE_BYTES } from './webHost';

/** PEM text of exactly `bytes` bytes: a header, 64-character base64 lines, a footer. */
function pemOf(bytes: number, label: string): string {
  const head = `-----BEGIN ${label}-----\n`;
  const foot = `-----END ${label}-----\n`;
  const bodyLength = bytes - head.length - foot.length;
  const line = `${'A'.repeat(64)}\n`;
  const body = line.repeat(Math.floor(bodyLength / line.length)) + 'A'.repeat(bodyLength % line.length);
  return head + body + foot;
}

describe('a profile with the largest TLS files the page accepts', () => {
  it('fits in one WebSocket message to the web host', () => {
    const ca = pemOf(PEM_MAX_BYTES, 'CERTIFICATE');
    expect(ca).toHaveLength(PEM_MAX_BYTES);
    const args = {
      profile: {
        name: 'Largest allowed',
        brokers: ['kafka-1.example.com:9093'],
        clientId: 'traffic-monitor',
        tls: { enabled: true, ca: { name: 'ca-bundle.pem', pem: ca }, cert: { name: 'client.pem', pem: ca }, key: { name: 'client.key' }, rejectUnauthorized: true },
        sasl: null,
      },
      clientKeyPem: pemOf(PEM_MAX_BYTES, 'PRIVATE KEY'),
    };
    expect(kafkaProfileCommands['kafkaProfile:save'].args.safeParse(args).success).toBe(true);
    const message = JSON.stringify({ type: 'invoke', id: 1_000_000, name: 'kafkaProfile:save', args });
    expect(Buffer.byteLength(message)).toBeLessThan(MAX_MESSAGE_BYTES);
  });
});
