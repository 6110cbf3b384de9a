/** The Electron transport: a thin wrapper over the API the preload script exposes. */
import type { DesktopApi } from '../../../shared/desktopApi';
import type { Transport } from './transport';

export function createDesktopTransport(api: DesktopApi): Transport {
  return {
    kind: 'desktop',
    invoke: (name, args) => api.invoke(name, args),
    onEvent: (listener) => api.onEvent(listener),
    onConnection: (listener) => {
      listener(true); // IPC is up for as long as the window exists
      return () => undefined;
    },
  };
}
