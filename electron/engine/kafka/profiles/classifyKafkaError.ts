/**
 * Turns what kafkajs throws into one of the plain-words answers of "Test connection". kafkajs wraps
 * the socket's error (ECONNREFUSED, a TLS alert, …) in its own errors, several layers deep, so the
 * whole cause chain is read.
 */
import type { ConnectionTestStatus } from '../../../../shared/kafka/profileContract';
import { redactText } from './redactSecrets';

export interface ClassifiedError {
  status: Exclude<ConnectionTestStatus, 'connected'>;
  message: string;
}

export interface ClassifyContext {
  brokers: readonly string[];
  tls: boolean;
  sasl: boolean;
  /** Removed from every message, whatever the server or library put in it. */
  secrets: readonly string[];
}

interface Link {
  name: string;
  code: string | null;
  type: string | null;
  message: string;
  broker: string | null;
}

const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listens on that port)',
  ENOTFOUND: 'the host name is unknown (DNS found no such host)',
  EAI_AGAIN: 'the host name could not be looked up (DNS did not answer)',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  EADDRNOTAVAIL: 'the address is not available',
};

const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|EPROTO$)/;
const CLIENT_CERT_REFUSED =
  'the broker refused the connection for want of a client certificate it trusts (this listener requires one: give the client certificate and key signed by the CA the broker trusts)';
const TLS_WORDS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the broker presents a self-signed certificate (give its CA file)',
  SELF_SIGNED_CERT_IN_CHAIN: 'the broker\'s certificate chain ends in a CA that is not trusted (give the CA file)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the broker\'s certificate could not be verified against the CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the CA that issued the broker\'s certificate is not trusted (give the CA file)',
  CERT_HAS_EXPIRED: 'the broker\'s certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the broker\'s certificate is for another host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the broker did not answer in TLS (this port may be plaintext)',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: CLIENT_CERT_REFUSED,
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: CLIENT_CERT_REFUSED,
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: CLIENT_CERT_REFUSED,
};
/** OpenSSL's own words for those alerts, when a message is all there is. */
const CLIENT_CERT_ALERT = /alert (bad certificate|certificate required|unknown ca)/i;

const SASL_ERROR = /SASL|SaslAuthenticate|SaslHandshake|Invalid username or password|authentication failed/i;

function chainOf(error: unknown): Link[] {
  const links: Link[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const record = current as Record<string, unknown>;
    links.push({
      name: typeof record['name'] === 'string' ? record['name'] : 'Error',
      code: typeof record['code'] === 'string' ? record['code'] : null,
      type: typeof record['type'] === 'string' ? record['type'] : null,
      message: typeof record['message'] === 'string' ? record['message'] : String(current),
      broker: typeof record['broker'] === 'string' ? record['broker'] : null,
    });
    const next = record['cause'] ?? record['originalError'];
    if (next === current) break;
    current = next;
  }
  if (links.length === 0) links.push({ name: 'Error', code: null, type: null, message: String(error), broker: null });
  return links;
}

export function classifyKafkaError(error: unknown, context: ClassifyContext): ClassifiedError {
  const links = chainOf(error);
  const broker = links.find((link) => link.broker)?.broker ?? context.brokers.join(', ');
  const detail = links[links.length - 1]?.message ?? '';
  const say = (status: ClassifiedError['status'], text: string): ClassifiedError => ({ status, message: redactText(text, context.secrets) });

  const sasl = links.find((link) => link.name === 'KafkaJSSASLAuthenticationError' || link.type === 'SASL_AUTHENTICATION_FAILED' || SASL_ERROR.test(link.message));
  if (sasl) return say('auth-failed', `Authentication failed at ${broker}: ${tidy(sasl.message)}. Check the user name, password and mechanism.`);
  if (context.sasl && links.some((link) => link.name === 'KafkaJSServerDoesNotSupportApiKey' || link.type === 'UNSUPPORTED_SASL_MECHANISM')) {
    return say('auth-failed', `Authentication failed at ${broker}: the broker does not offer this SASL mechanism on this port (it may be a listener without SASL).`);
  }

  // The innermost link with a TLS error code says most; a message mentioning TLS is the fallback.
  const tls =
    links.find((link) => link.code !== null && TLS_CODE.test(link.code)) ?? links.find((link) => /\b(SSL|TLS)\b|certificate/i.test(link.message));
  if (tls) {
    const why = (tls.code && TLS_WORDS[tls.code]) ?? (CLIENT_CERT_ALERT.test(tls.message) ? CLIENT_CERT_REFUSED : tidy(tls.message));
    return say('tls-failed', `TLS failed with ${broker}: ${why}.`);
  }
  // A TLS client on a plaintext listener: the broker reads the TLS hello as a bogus request and
  // drops the connection, which the client sees as a reset before any Kafka answer.
  if (context.tls && links.some((link) => link.code === 'ECONNRESET' || /ECONNRESET|socket disconnected|closed by the server/i.test(link.message))) {
    return say('tls-failed', `TLS failed with ${broker}: the broker closed the connection during the TLS handshake (this port may not speak TLS; turn TLS off or use the TLS listener's port).`);
  }

  // A plaintext client on a TLS listener: the broker takes the Kafka request for a broken TLS
  // hello and closes the connection before any answer (seen on Apache Kafka 4).
  if (!context.tls && links.some((link) => link.name === 'KafkaJSConnectionClosedError' || /^Closed connection/i.test(link.message))) {
    return say('tls-failed', `TLS failed with ${broker}: the broker closed the connection as soon as the client spoke without TLS (this port may expect TLS; turn TLS on, or use the plaintext listener's port).`);
  }

  const unreachable = links.find((link) => link.code !== null && link.code in UNREACHABLE_CODES);
  if (unreachable?.code) return say('unreachable', `Could not reach ${unreachable.broker ?? broker}: ${UNREACHABLE_CODES[unreachable.code]}.`);
  if (links.some((link) => /Connection timeout|Request timed out|timed out/i.test(link.message))) {
    return say('unreachable', `Could not reach ${broker}: no answer in time (the host may be down, or a firewall drops the connection).`);
  }
  if (links.some((link) => link.name === 'KafkaJSConnectionError' || link.name === 'KafkaJSConnectionClosedError' || link.code === 'ECONNRESET')) {
    return say('unreachable', `Could not reach ${broker}: ${tidy(detail)}.`);
  }
  return say('error', `The cluster at ${broker} answered with an error: ${tidy(detail)}.`);
}

/** "Connection error: connect ECONNREFUSED …" reads better without the library's prefix and a trailing dot. */
function tidy(message: string): string {
  return message.replace(/^(Connection error|Failed to connect):\s*/i, '').replace(/\.\s*$/, '');
}
