import { describe, expect, it } from 'vitest';
import { PEM_MAX_BYTES } from '../../../../shared/kafka/profileContract';
import { describePem, readPemFile } from './pemFile';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n';

describe('reading a chosen PEM file in the page', () => {
  it('takes a certificate or a key and says what it holds', async () => {
    expect(await readPemFile(new File([CERT + CERT], 'bundle.pem'), 'certificate')).toEqual({ ok: true, name: 'bundle.pem', pem: CERT + CERT });
    expect(describePem(CERT + CERT)).toBe('2 certificates');
    expect(await readPemFile(new File([KEY], 'client.key'), 'key')).toMatchObject({ ok: true, name: 'client.key' });
    expect(describePem(KEY)).toBe('private key (EC)');
  });

  it('refuses a file too big, one that is not PEM, and a key chosen as a certificate (and back), saying which', async () => {
    const big = new File(['-----BEGIN CERTIFICATE-----\n', 'A'.repeat(PEM_MAX_BYTES + 40 * 1024)], 'huge.pem');
    expect(await readPemFile(big, 'certificate')).toEqual({ ok: false, message: 'huge.pem is 296.0 KB; a PEM file here is at most 256 KB. Choose the certificate itself.' });
    expect(await readPemFile(new File([new Uint8Array([0x30, 0x82, 0x01])], 'ca.der'), 'certificate')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^ca\.der is not a PEM file \(no "-----BEGIN" line\)/) as string,
    });
    expect(await readPemFile(new File([KEY], 'client.key'), 'certificate')).toEqual({
      ok: false,
      message: 'client.key holds no certificate (it is a private key: choose it as the client key).',
    });
    expect(await readPemFile(new File([CERT], 'client.pem'), 'key')).toEqual({
      ok: false,
      message: 'client.pem holds no private key (it is a certificate: choose it as the client certificate).',
    });
  });
});
