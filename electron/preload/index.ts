/**
 * The only bridge between page and Node: two functions, typed from the shared contract. The page
 * gets no ipcRenderer, no Node, and cannot name a channel outside the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, isCommandName, isEventName } from '../../shared/contract';
import type { DesktopApi } from '../../shared/desktopApi';

const api: DesktopApi = {
  invoke: (name, args) => {
    if (!isCommandName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command: ${String(name)}` } });
    }
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, args);
  },
  onEvent: (listener) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('trafficMonitor', api);
