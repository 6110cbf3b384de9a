/**
 * Relays contract commands from the page to the engine worker (or answers shell-only ones here)
 * and forwards engine events to the window. Every message's sender is checked and its payload is
 * validated in the engine before anything runs.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, isCommandName, type EventName } from '../../shared/contract';
import { parseCommandArgs, toEnvelope, type Envelope } from '../../shared/envelope';
import { SAVING_COMMANDS } from '../../shared/savingCommands';
import type { EngineWorkerHost } from '../engine/host/engineWorkerHost';
import type { Theme } from '../../shared/shell/theme';
import type { PredictExport } from '../../shared/predict/predictContract';
import { isTrustedSenderUrl } from './security/trustedSender';

export interface ShellCommands {
  /** Shows the native open dialog; resolves to a path, or null when cancelled. */
  chooseCsvPath(): Promise<string | null>;
  /** Shows the native save dialog for the rejected rows; null when cancelled. */
  chooseRejectedRowsPath(): Promise<string | null>;
  /** Shows the native save dialog for a query result; null when cancelled. */
  chooseSqlExportPath(): Promise<string | null>;
  /** Shows the native save dialog for the Predictions panel's forecasts or anomalies; null when cancelled. */
  choosePredictExportPath(what: PredictExport): Promise<string | null>;
  /** Shows the native open dialog for a road network (JSON or CSV); null when cancelled. */
  chooseNetworkPath(): Promise<string | null>;
  /** The page's theme changed: follow it in native dialogs and menus, and remember it. */
  setTheme(theme: Theme): void;
  /** Writes a refused request to the log, so an attack or a bug leaves a trace. */
  logRefusal(reason: string): void;
}

/** What the relay needs of an engine: the host's invoke. */
export type EngineInvoker = Pick<EngineWorkerHost, 'invoke'>;

export function registerEngineRelay(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, engine: EngineInvoker, shell: ShellCommands, trustedUrl: string): () => void {
  const handle = async (event: IpcMainInvokeEvent, name: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSenderUrl(event.senderFrame?.url, trustedUrl)) {
      shell.logRefusal(`IPC from an untrusted frame (${event.senderFrame?.url ?? 'unknown'}) for ${String(name)}`);
      return { ok: false, error: { code: 'NOT_SUPPORTED', message: 'Refused: the request did not come from the app window.' } };
    }
    if (!isCommandName(name)) return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command: ${String(name)}` } };
    // The shell runs these itself after a save dialog; the page never names a file to write.
    if (SAVING_COMMANDS.has(name)) {
      shell.logRefusal(`${name} from the page (it writes to a path the page gave)`);
      return { ok: false, error: { code: 'NOT_SUPPORTED', message: 'Results are saved through the save dialog; this command is not available to the page.' } };
    }
    if (name === 'shell:setTheme') {
      const parsed = await toEnvelope(() => parseCommandArgs(name, args));
      if (!parsed.ok) return parsed;
      shell.setTheme(parsed.value.theme);
      return { ok: true, value: { ok: true } };
    }
    if (name === 'file:showOpenDialog') {
      const path = await shell.chooseCsvPath().catch(() => null);
      return path === null ? { ok: true, value: null } : engine.invoke('file:open', { path });
    }
    if (name === 'rejected:showSaveDialog') {
      const path = await shell.chooseRejectedRowsPath().catch(() => null);
      if (path === null) return { ok: true, value: null };
      const saved = await engine.invoke('rejected:save', { path });
      return saved.ok ? { ok: true, value: { rows: (saved.value as { rows: number }).rows, path } } : saved;
    }
    if (name === 'predict:showHistoryDialog') {
      // Only the path comes back: the page puts it in the settings it sends with predict:configure.
      const path = await shell.chooseCsvPath().catch(() => null);
      return { ok: true, value: path === null ? null : { path } };
    }
    if (name === 'graph:showNetworkDialog') {
      const path = await shell.chooseNetworkPath().catch(() => null);
      if (path === null) return { ok: true, value: null };
      const loaded = await engine.invoke('graph:loadNetwork', { path });
      return loaded.ok ? { ok: true, value: { path } } : loaded;
    }
    if (name === 'sql:showExportDialog') {
      const parsed = await toEnvelope(() => parseCommandArgs(name, args));
      if (!parsed.ok) return parsed;
      const path = await shell.chooseSqlExportPath().catch(() => null);
      if (path === null) return { ok: true, value: null };
      const exported = await engine.invoke('sql:export', { queryId: parsed.value.queryId, path });
      return exported.ok ? { ok: true, value: { rows: (exported.value as { rows: number }).rows, path } } : exported;
    }
    if (name === 'predict:showExportDialog') {
      const parsed = await toEnvelope(() => parseCommandArgs(name, args));
      if (!parsed.ok) return parsed;
      const { what } = parsed.value;
      const path = await shell.choosePredictExportPath(what).catch(() => null);
      if (path === null) return { ok: true, value: null };
      const exported = await engine.invoke('predict:export', { what, path });
      return exported.ok ? { ok: true, value: { rows: (exported.value as { rows: number }).rows, path } } : exported;
    }
    return engine.invoke(name, args);
  };
  ipc.handle(IPC_INVOKE_CHANNEL, handle);
  return () => ipc.removeHandler(IPC_INVOKE_CHANNEL);
}

export function forwardEngineEvents(engine: EngineWorkerHost, window: BrowserWindow): () => void {
  return engine.onEvent((name: EventName, payload: unknown) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  });
}
