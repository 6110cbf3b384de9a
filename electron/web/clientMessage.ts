/**
 * Turns one WebSocket message from a browser into a command, or says why the socket must close.
 * Anything a client sends is untrusted: binary data, broken UTF-8, text that is not JSON and JSON of
 * the wrong shape each end that client's socket with a close code and a reason, never the host.
 */
import { isUtf8 } from 'node:buffer';
import type { RawData } from 'ws';
import { clientMessageSchema, type ClientMessage } from '../../shared/socketProtocol';

/** Close codes of RFC 6455 §7.4.1 that the page turns into words. */
export const CLOSE_UNSUPPORTED_DATA = 1003;
export const CLOSE_INVALID_PAYLOAD = 1007;
export const CLOSE_POLICY_VIOLATION = 1008;
export const CLOSE_MESSAGE_TOO_BIG = 1009;

export type DecodedMessage = { ok: true; message: ClientMessage } | { ok: false; code: number; reason: string };

function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

export function decodeClientMessage(data: RawData, isBinary: boolean): DecodedMessage {
  if (isBinary) return { ok: false, code: CLOSE_UNSUPPORTED_DATA, reason: 'messages must be JSON text, not binary' };
  const bytes = asBuffer(data);
  // The server skips ws's own check so that this close can say what was wrong.
  if (!isUtf8(bytes)) return { ok: false, code: CLOSE_INVALID_PAYLOAD, reason: 'message is not valid UTF-8' };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, code: CLOSE_UNSUPPORTED_DATA, reason: 'messages must be JSON' };
  }
  const parsed = clientMessageSchema.safeParse(json);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, code: CLOSE_UNSUPPORTED_DATA, reason: 'malformed message' };
}
