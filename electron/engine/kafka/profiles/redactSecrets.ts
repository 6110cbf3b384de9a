/**
 * The logger-safe rule: a secret never reaches a log line, an error message or a result. Anything
 * that may echo a password (a library's log entry, a server's error text) goes through here first.
 */
export const REDACTED = '[redacted]';

/** Replaces every occurrence of each secret; very short secrets too (better a mangled word than a leak). */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret) result = result.split(secret).join(REDACTED);
  return result;
}

/** Deep copy of a log entry or error detail with every string redacted. */
export function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = /pass(word)?|secret|sasl/i.test(key) ? REDACTED : redactValue(item, secrets, depth + 1);
  }
  return copy;
}
