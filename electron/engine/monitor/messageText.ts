/**
 * Whether a message's value is text at all. Producers also write Avro, protobuf or other binary
 * encodings, whose bytes are often valid UTF-8 (small integers, lengths and field tags are bytes
 * below 0x20), so decoding without U+FFFD proves nothing. JSON cannot hold a raw control character
 * (it must be escaped inside strings) and CSV text has none, so any C0 control other than tab, CR
 * and LF, or DEL, marks a value that is not JSON or CSV text.
 */

export const BINARY_REASON = 'binary message (control bytes), not JSON or CSV text';
export const INVALID_UTF8_REASON = 'invalid UTF-8: the message holds bytes that are not text';

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;
// eslint-disable-next-line no-control-regex -- as above, every one of them, to show them escaped
const CONTROLS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

/** Why a decoded value is not a text message, or null when it is text. */
export function notTextReason(decoded: string): string | null {
  if (decoded.includes('\uFFFD')) return INVALID_UTF8_REASON;
  if (CONTROL.test(decoded)) return BINARY_REASON;
  return null;
}

/** A binary value as the reject list shows it: control bytes as `\xNN`, not raw (they would garble the page and a CSV export). */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
