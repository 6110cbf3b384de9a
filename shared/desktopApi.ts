/** The object the preload script exposes as `window.trafficMonitor`. */
import type { CommandName, EventName } from './contract';
import type { Envelope } from './envelope';

export interface DesktopApi {
  invoke(name: CommandName, args: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
}
