/**
 * The engine worker's side of the keychain: Electron's `safeStorage` exists only in the main
 * process, so the worker asks its host to encrypt or decrypt and waits for the answer, matched by
 * request id. Plain text crosses only the in-process worker channel, never a file or a log.
 */
import type { SecretCipher } from './secretCipher';

export type SecretOperation = 'encrypt' | 'decrypt';
export interface SecretRequest {
  kind: 'secretRequest';
  id: number;
  op: SecretOperation;
  text: string;
}
/** `text` is the result when ok, else what went wrong (never the secret). */
export interface SecretReply {
  kind: 'secretReply';
  id: number;
  ok: boolean;
  text: string;
}

/** A host that never answers must not leave a command hanging forever. */
const REPLY_TIMEOUT_MS = 15_000;

export class HostSecretCipher implements SecretCipher {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  constructor(private readonly post: (request: SecretRequest) => void) {}

  encrypt(secret: string): Promise<string> {
    return this.request('encrypt', secret);
  }

  decrypt(stored: string): Promise<string> {
    return this.request('decrypt', stored);
  }

  /** Feeds a reply from the host; unknown ids (a reply after its timeout) are dropped. */
  receive(reply: SecretReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    clearTimeout(waiting.timer);
    if (reply.ok) waiting.resolve(reply.text);
    else waiting.reject(new Error(reply.text));
  }

  private request(op: SecretOperation, text: string): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('The OS keychain did not answer in time.'));
      }, REPLY_TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      this.post({ kind: 'secretRequest', id, op, text });
    });
  }
}

/** The host's side: answers one request with the given cipher; errors become words, never the secret. */
export async function answerSecretRequest(cipher: SecretCipher, request: SecretRequest): Promise<SecretReply> {
  try {
    const text = request.op === 'encrypt' ? await cipher.encrypt(request.text) : await cipher.decrypt(request.text);
    return { kind: 'secretReply', id: request.id, ok: true, text };
  } catch (error) {
    return { kind: 'secretReply', id: request.id, ok: false, text: `The OS keychain could not ${request.op} a secret: ${(error as Error).message}` };
  }
}
