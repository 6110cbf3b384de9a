/**
 * How the page reaches the engine. Two implementations, picked at start-up: the preload API in
 * the desktop app, a WebSocket to the web host in a browser. Panels never know which.
 */
import type { CommandName, EventName } from '../../../shared/contract';
import type { Envelope } from '../../../shared/envelope';

export interface Transport {
  readonly kind: 'desktop' | 'web';
  invoke(name: CommandName, args: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  /** Called with true when the link to the engine comes up, false when it drops. */
  onConnection(listener: (connected: boolean) => void): () => void;
}
