/**
 * A throwaway certificate authority for tests, made by the machine's `openssl`: a CA, a client
 * certificate it signed, that certificate's key, an unrelated key (for "key does not match"), and a
 * server certificate for 127.0.0.1 (for a real TLS handshake in a test).
 * Real files and real crypto, written to `dir`, valid for one day.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ThrowawayPki {
  caPath: string;
  certPath: string;
  keyPath: string;
  otherKeyPath: string;
  ca: string;
  cert: string;
  key: string;
  otherKey: string;
  /** Signed by the CA for IP 127.0.0.1 and localhost. */
  serverCert: string;
  serverKey: string;
}

export const opensslAvailable = (): boolean => spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;

const openssl = (args: string[]): void => {
  execFileSync('openssl', args, { stdio: 'ignore' });
};

export function makeThrowawayPki(dir: string): ThrowawayPki {
  const at = (name: string): string => join(dir, name);
  const ecKey = (path: string): void => openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path]);
  ecKey(at('ca.key'));
  openssl(['req', '-x509', '-new', '-key', at('ca.key'), '-out', at('ca.pem'), '-days', '1', '-subj', '/CN=Throwaway Test CA']);
  ecKey(at('client.key'));
  openssl(['req', '-new', '-key', at('client.key'), '-out', at('client.csr'), '-subj', '/CN=traffic-monitor-client']);
  openssl(['x509', '-req', '-in', at('client.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('client.pem'), '-days', '1']);
  ecKey(at('other.key'));
  ecKey(at('server.key'));
  openssl(['req', '-new', '-key', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=127.0.0.1']);
  writeFileSync(at('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  const signServer = ['x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial'];
  openssl([...signServer, '-extfile', at('server.ext'), '-out', at('server.pem'), '-days', '1']);
  const read = (name: string): string => readFileSync(at(name), 'utf8');
  return {
    caPath: at('ca.pem'),
    certPath: at('client.pem'),
    keyPath: at('client.key'),
    otherKeyPath: at('other.key'),
    ca: read('ca.pem'),
    cert: read('client.pem'),
    key: read('client.key'),
    otherKey: read('other.key'),
    serverCert: read('server.pem'),
    serverKey: read('server.key'),
  };
}
