/**
 * Certificates for a TLS/SASL_SSL test broker, made by the JDK's keytool as a Kafka operator would:
 * a CA, a broker certificate for 127.0.0.1 and a client certificate, each signed by the CA. The
 * broker reads PKCS#12 stores; the app reads PEM files, so the client's key is converted with
 * openssl (keytool cannot write a private key as PEM).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TlsMaterial {
  /** The CA's certificate (PEM): what the app trusts. */
  caPem: string;
  /** The client's certificate and key (PEM), signed by the CA: the app's identity for mutual TLS. */
  clientCertPem: string;
  clientKeyPem: string;
  /** The broker's own certificate and key, and the CA it trusts for client certificates (PKCS#12). */
  brokerKeystore: string;
  truststore: string;
  storePassword: string;
}

const PASSWORD = 'test-store-password';

function keytool(dir: string, args: string[], input?: string): string {
  return execFileSync('keytool', args, { cwd: dir, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Key pair for `alias` in its own store, its certificate signed by the CA (with `san` as subject alternative name). */
function signedEntry(dir: string, caPem: string, alias: string, dname: string, san: string | null): string {
  const store = `${alias}.p12`;
  const common = ['-storetype', 'PKCS12', '-storepass', PASSWORD, '-keypass', PASSWORD];
  keytool(dir, ['-genkeypair', '-alias', alias, '-dname', dname, '-keyalg', 'EC', '-groupname', 'secp256r1', '-validity', '2', '-keystore', store, ...common]);
  const request = keytool(dir, ['-certreq', '-alias', alias, '-keystore', store, ...common]);
  const signed = keytool(dir, ['-gencert', '-alias', 'ca', '-keystore', 'ca.p12', '-rfc', '-validity', '2', ...(san ? ['-ext', `SAN=${san}`] : []), ...common], request);
  // The store holds the chain: the CA first, then the signed certificate replaces the self-signed one.
  keytool(dir, ['-importcert', '-noprompt', '-alias', 'ca', '-keystore', store, ...common], caPem);
  keytool(dir, ['-importcert', '-alias', alias, '-keystore', store, ...common], signed);
  return signed;
}

export function makeTlsMaterial(dir: string): TlsMaterial {
  const common = ['-storetype', 'PKCS12', '-storepass', PASSWORD, '-keypass', PASSWORD];
  keytool(dir, ['-genkeypair', '-alias', 'ca', '-dname', 'CN=Traffic Monitor test CA', '-ext', 'bc:c', '-keyalg', 'EC', '-groupname', 'secp256r1', '-validity', '2', '-keystore', 'ca.p12', ...common]);
  const caPem = keytool(dir, ['-exportcert', '-rfc', '-alias', 'ca', '-keystore', 'ca.p12', ...common]);
  keytool(dir, ['-importcert', '-noprompt', '-alias', 'ca', '-keystore', 'truststore.p12', ...common], caPem);
  signedEntry(dir, caPem, 'broker', 'CN=127.0.0.1', 'ip:127.0.0.1');
  const clientCertPem = signedEntry(dir, caPem, 'client', 'CN=traffic-monitor-app', null);
  const clientKeyPem = execFileSync('openssl', ['pkcs12', '-in', 'client.p12', '-nocerts', '-nodes', '-passin', `pass:${PASSWORD}`], { cwd: dir, encoding: 'utf8' });
  writeFileSync(join(dir, 'ca.pem'), caPem);
  return { caPem, clientCertPem, clientKeyPem, brokerKeystore: join(dir, 'broker.p12'), truststore: join(dir, 'truststore.p12'), storePassword: PASSWORD };
}
