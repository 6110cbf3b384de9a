/**
 * kafkajs errors in plain words. kafkajs wraps the cause several levels deep (retries exhausted →
 * connection error → socket error), so the innermost useful message is what the user needs.
 */
export function describeKafkaError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (!messages.includes(current.message)) messages.push(current.message);
    const next = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    current = next;
  }
  if (messages.length === 0) return String(error);
  return messages.length === 1 ? (messages[0] as string) : `${messages[0] as string} (${messages.slice(1).join('; ')})`;
}

/** True for failures a later attempt may get past: lost connections, leader changes, timeouts. */
export function isRetriableKafkaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const retriable = (current as { retriable?: boolean }).retriable;
    if (retriable === true) return true;
    if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection (timeout|error|closed)|not connected|disconnected/i.test(current.message)) return true;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
