/**
 * What the cluster's API versions say about its release. kafkajs negotiates versions internally but
 * does not expose them, so this sends one ApiVersions v0 request (allowed before authentication)
 * on its own connection and reads the answer. Best effort: any failure means "unknown".
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';

const API_VERSIONS_KEY = 18;
const FETCH_KEY = 1;

/** The newest Fetch version each Kafka release added (Kafka's protocol guide); a lower bound on the release. */
const RELEASE_BY_FETCH_VERSION: ReadonlyArray<readonly [number, string]> = [
  [17, '3.9'],
  [16, '3.7'],
  [15, '3.5'],
  [13, '3.1'],
  [12, '2.7'],
  [11, '2.3'],
  [10, '2.1'],
  [8, '2.0'],
  [7, '1.1'],
  [6, '1.0'],
  [4, '0.11'],
  [2, '0.10'],
];

export interface ApiVersionRange {
  apiKey: number;
  min: number;
  max: number;
}

export function describeApiVersions(versions: readonly ApiVersionRange[]): string {
  const fetch = versions.find((range) => range.apiKey === FETCH_KEY);
  const release = fetch ? RELEASE_BY_FETCH_VERSION.find(([version]) => fetch.max >= version)?.[1] : undefined;
  const apis = `${versions.length} APIs${fetch ? `, Fetch v${fetch.max}` : ''}`;
  return release ? `Kafka ≥ ${release} (${apis})` : `API versions: ${apis}`;
}

export function encodeApiVersionsRequest(correlationId: number, clientId: string): Buffer {
  const client = Buffer.from(clientId, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + client.length);
  body.writeInt16BE(API_VERSIONS_KEY, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(correlationId, 4);
  body.writeInt16BE(client.length, 8);
  client.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

/** Parses a whole response (size prefix included); null when it is not a well-formed v0 answer. */
export function decodeApiVersionsResponse(frame: Buffer, correlationId: number): ApiVersionRange[] | null {
  if (frame.length < 14 || frame.readInt32BE(4) !== correlationId || frame.readInt16BE(8) !== 0) return null;
  const count = frame.readInt32BE(10);
  if (count < 0 || frame.length < 14 + count * 6) return null;
  const versions: ApiVersionRange[] = [];
  for (let i = 0; i < count; i++) {
    const at = 14 + i * 6;
    versions.push({ apiKey: frame.readInt16BE(at), min: frame.readInt16BE(at + 2), max: frame.readInt16BE(at + 4) });
  }
  return versions;
}

export function probeApiVersions(
  broker: { host: string; port: number },
  options: { clientId: string; ssl: ConnectionOptions | null; timeoutMs: number },
): Promise<ApiVersionRange[] | null> {
  const correlationId = 1;
  return new Promise((resolve) => {
    const socket: Socket = options.ssl
      ? connectTls({ ...options.ssl, host: broker.host, port: broker.port, servername: isIp(broker.host) ? undefined : broker.host })
      : connectTcp({ host: broker.host, port: broker.port });
    let received = Buffer.alloc(0);
    const finish = (result: ApiVersionRange[] | null): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish(null), options.timeoutMs);
    socket.once(options.ssl ? 'secureConnect' : 'connect', () => socket.write(encodeApiVersionsRequest(correlationId, options.clientId)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) finish(decodeApiVersionsResponse(received, correlationId));
    });
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
  });
}

const isIp = (host: string): boolean => /^[\d.]+$/.test(host) || host.includes(':');
