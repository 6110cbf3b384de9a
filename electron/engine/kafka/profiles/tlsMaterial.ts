/**
 * Turns the TLS content of a profile (CA and client certificate from the profile, the client key
 * from the SecretStore) into kafkajs's `ssl` options, after checking each piece with Node's own
 * crypto: a wrong file is reported at save and at "Test connection" naming which file it is, rather
 * than as an OpenSSL error from deep inside a connection attempt.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import type { ConnectionOptions } from 'node:tls';
import { CommandError } from '../../../../shared/envelope';
import type { KafkaTlsDraft, PemFile, SavedPemFile } from '../../../../shared/kafka/profileContract';
import { describeCertificates } from './certificateDescription';

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

const tlsProblem = (message: string): CommandError => new CommandError('INVALID_ARGS', message);

/** Every certificate in the file, parsed; throws naming the file when there is none or one is damaged. */
export function readCertificates(file: PemFile, what: string): X509Certificate[] {
  const blocks = file.pem.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length === 0) {
    const hint = /PRIVATE KEY-----/.test(file.pem) ? ' (it holds a private key: choose it as the client key)' : '';
    throw tlsProblem(`The TLS ${what} "${file.name}" holds no certificate (no "BEGIN CERTIFICATE" block)${hint}.`);
  }
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch {
      const which = blocks.length === 1 ? 'its certificate' : `certificate ${index + 1} of ${blocks.length}`;
      throw tlsProblem(`The TLS ${what} "${file.name}" is damaged: ${which} cannot be read. Choose the file again.`);
    }
  });
}

/** The client key, parsed; throws naming the file when it is not an unencrypted private key. */
export function readPrivateKey(pem: string, name: string): KeyObject {
  if (/ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)) {
    throw tlsProblem(
      `The TLS client key "${name}" is protected by a passphrase, which the app cannot ask for: export it without one (openssl pkey -in key.pem -out key-plain.pem).`,
    );
  }
  if (!/PRIVATE KEY-----/.test(pem)) {
    const hint = /BEGIN CERTIFICATE/.test(pem) ? ' (it holds a certificate: choose it as the client certificate)' : '';
    throw tlsProblem(`The TLS client key "${name}" holds no private key (no "BEGIN … PRIVATE KEY" block)${hint}.`);
  }
  try {
    return createPrivateKey(pem);
  } catch {
    throw tlsProblem(`The TLS client key "${name}" is damaged: its private key cannot be read. Choose the file again.`);
  }
}

/**
 * The `ssl` options for kafkajs. `keyPem` is the stored (or just chosen) client key, null when
 * there is none; a certificate and a key go together, and the key must be the certificate's.
 */
export function tlsOptions(tls: KafkaTlsDraft, keyPem: string | null): ConnectionOptions {
  const options: ConnectionOptions = { rejectUnauthorized: tls.rejectUnauthorized };
  if (tls.ca) {
    readCertificates(tls.ca, 'CA certificate');
    options.ca = [tls.ca.pem];
  }
  if (tls.key && keyPem === null) {
    throw tlsProblem(`The TLS client key "${tls.key.name}" is not stored (the keychain may have changed): choose the key file again.`);
  }
  if (Boolean(tls.cert) !== Boolean(tls.key)) {
    throw tlsProblem('A TLS client certificate needs its key and a key needs its certificate: choose both files or neither.');
  }
  if (tls.cert && tls.key && keyPem !== null) {
    const [certificate] = readCertificates(tls.cert, 'client certificate');
    const key = readPrivateKey(keyPem, tls.key.name);
    if (certificate && !certificate.checkPrivateKey(key)) {
      throw tlsProblem(`The TLS client key "${tls.key.name}" does not belong to the client certificate "${tls.cert.name}".`);
    }
    options.cert = tls.cert.pem;
    options.key = keyPem;
  }
  return options;
}

/** A checked certificate file as the profile keeps it, with what it holds for the editor to show. */
export function savedCertificateFile(file: PemFile | null, what: string): SavedPemFile | null {
  return file ? { name: file.name, pem: file.pem, description: describeCertificates(readCertificates(file, what)) } : null;
}
