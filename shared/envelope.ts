/**
 * Errors cross process boundaries as data, never as a rejected promise with a lost stack or a
 * silent `undefined`. Callers either unwrap (throws a CommandError) or inspect the envelope.
 */
import type { CommandArgs, CommandName } from './contract';
import { commands } from './contract';

export const ERROR_CODES = [
  'INVALID_ARGS',
  'UNKNOWN_COMMAND',
  'NOT_SUPPORTED',
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'NOT_CSV',
  'INVALID_SCHEMA',
  'NO_FILE',
  'BAD_STATE',
  'DISCONNECTED',
  'KAFKA_UNAVAILABLE',
  'SQL_UNAVAILABLE',
  'INVALID_NETWORK',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof CommandError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new CommandError(envelope.error.code, envelope.error.message);
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const candidate = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (candidate.ok === true) return 'value' in candidate;
  return (
    candidate.ok === false &&
    typeof candidate.error?.code === 'string' &&
    typeof candidate.error.message === 'string'
  );
}

/** Validates untrusted arguments; the message names the offending field. */
export function parseCommandArgs<K extends CommandName>(name: K, args: unknown): CommandArgs<K> {
  const parsed = commands[name].args.safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new CommandError('INVALID_ARGS', `Invalid arguments for ${name}${where}: ${issue?.message ?? 'rejected'}`);
  }
  return parsed.data as CommandArgs<K>;
}

/** Runs a handler and always returns an envelope. */
export async function toEnvelope<T>(run: () => Promise<T> | T): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
