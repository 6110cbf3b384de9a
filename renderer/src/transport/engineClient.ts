/**
 * Typed helpers derived from the contract: `invoke` throws a CommandError, `tryInvoke` returns
 * the envelope. Events are validated on arrival, so a panel only ever sees well-formed payloads.
 */
import { commands, events, type CommandArgs, type CommandName, type CommandResult, type EventName, type EventPayload } from '../../../shared/contract';
import type { DesktopApi } from '../../../shared/desktopApi';
import { unwrap, type Envelope } from '../../../shared/envelope';
import { SOCKET_PATH } from '../../../shared/socketProtocol';
import { createDesktopTransport } from './desktopTransport';
import type { Transport } from './transport';
import { withSecret } from './hostSecret';
import { createWebSocketTransport } from './webSocketTransport';

export { uploadFile } from './uploadFile';
export { secretAccepted, withSecret } from './hostSecret';

declare global {
  interface Window {
    trafficMonitor?: DesktopApi;
  }
}

function pickTransport(): Transport {
  if (window.trafficMonitor) return createDesktopTransport(window.trafficMonitor);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return createWebSocketTransport(`${scheme}://${window.location.host}${withSecret(SOCKET_PATH)}`);
}

export const transport: Transport = pickTransport();
/** The desktop shell has native dialogs; the browser uploads and downloads instead. */
export const isDesktop = window.trafficMonitor !== undefined;

export async function tryInvoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<Envelope<CommandResult<K>>> {
  const envelope = await transport.invoke(name, args);
  if (!envelope.ok) return envelope;
  const parsed = commands[name].result.safeParse(envelope.value);
  return parsed.success
    ? { ok: true, value: parsed.data as CommandResult<K> }
    : { ok: false, error: { code: 'INTERNAL', message: `Unexpected reply to ${name}` } };
}

export async function invoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
  return unwrap(await tryInvoke(name, args));
}

export function onEvent<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
  return transport.onEvent((eventName, payload) => {
    if (eventName !== name) return;
    const parsed = events[name].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<K>);
    else console.warn(`Dropped malformed ${name} event`, parsed.error.issues[0]);
  });
}

