/**
 * A second broker configuration for the security tests: besides its plaintext listener, SASL_SSL
 * with SCRAM-SHA-512 and PLAIN users, and SSL that requires a client certificate, both with
 * certificates from tlsMaterial.ts. SCRAM credentials are written when the log directory is
 * formatted, as on a KRaft cluster; PLAIN users come from the listener's JAAS line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../../../scripts/kafka/kraftBroker';
import { startLocalKafka, type LocalKafkaBroker } from './localKafkaBroker';
import { makeTlsMaterial, type TlsMaterial } from './tlsMaterial';

export const SCRAM_USER = { username: 'replay-app', password: 'scram-Secret-123' };
export const PLAIN_USER = { username: 'plain-app', password: 'plain-Secret-456' };

export interface SecuredKafka {
  broker: LocalKafkaBroker;
  /** SASL_SSL listener (SCRAM-SHA-512 or PLAIN, server certificate only). */
  saslSsl: string;
  /** SSL listener that requires a client certificate signed by the test CA. */
  mutualTls: string;
  tls: TlsMaterial;
  /** PEM files for a profile: the CA, the client certificate and its key. */
  files: { ca: string; cert: string; key: string };
}

export async function startSecuredKafka(dir: string): Promise<SecuredKafka> {
  const tls = makeTlsMaterial(dir);
  const files = { ca: join(dir, 'ca.pem'), cert: join(dir, 'client-cert.pem'), key: join(dir, 'client-key.pem') };
  writeFileSync(files.cert, tls.clientCertPem);
  writeFileSync(files.key, tls.clientKeyPem);
  const [saslPort, sslPort, port, controllerPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const store = { type: 'PKCS12', password: tls.storePassword };
  const broker = await startLocalKafka({
    dataDir: join(dir, 'kafka'),
    port,
    controllerPort,
    formatArgs: ['--add-scram', `SCRAM-SHA-512=[name=${SCRAM_USER.username},password=${SCRAM_USER.password}]`],
    properties: {
      listeners: `PLAINTEXT://127.0.0.1:${port},SASL_SSL://127.0.0.1:${saslPort},SSL://127.0.0.1:${sslPort},CONTROLLER://127.0.0.1:${controllerPort}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${port},SASL_SSL://127.0.0.1:${saslPort},SSL://127.0.0.1:${sslPort}`,
      'sasl.enabled.mechanisms': 'SCRAM-SHA-512,PLAIN',
      'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
      'listener.name.sasl_ssl.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_${PLAIN_USER.username}="${PLAIN_USER.password}";`,
      'ssl.keystore.location': tls.brokerKeystore,
      'ssl.keystore.type': store.type,
      'ssl.keystore.password': store.password,
      'ssl.key.password': store.password,
      'ssl.truststore.location': tls.truststore,
      'ssl.truststore.type': store.type,
      'ssl.truststore.password': store.password,
      'listener.name.ssl.ssl.client.auth': 'required',
    },
  });
  return { broker, saslSsl: `127.0.0.1:${saslPort}`, mutualTls: `127.0.0.1:${sslPort}`, tls, files };
}
