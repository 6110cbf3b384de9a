/**
 * One line saying which TLS files a saved profile uses, for the profile list, e.g.
 * "TLS: CA ca.pem · certificate client.pem · key client.key stored". The key only ever as "stored".
 */
import type { KafkaTls } from '../../../../shared/kafka/profileContract';

export function tlsSummary(tls: KafkaTls): string | null {
  if (!tls.enabled) return null;
  const parts = [
    tls.ca ? `CA ${tls.ca.name}` : 'system CAs',
    ...(tls.cert ? [`certificate ${tls.cert.name}`] : []),
    ...(tls.key ? [`key ${tls.key.name} ${tls.key.stored ? 'stored' : 'not stored'}`] : []),
  ];
  return `TLS: ${parts.join(' · ')}`;
}
