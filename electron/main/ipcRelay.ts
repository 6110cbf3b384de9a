/**
 * Relays contract commands from the page to the engine worker (or answers shell-only ones here)
 * and forwards engine events to the window. Every message's sender is checked and its payload is
 * validated in the engine before anything runs.
 *
 * Paths are capabilities: the page may name only a file the user picked in a native dialog or one
 * the engine showed it (PathGrants); commands that write to a path run only here, after a save
 * dialog. So even a compromised page cannot make the app read or write a file the user never chose.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  isEngineCommandName,
  isShellCommandName,
  type CommandArgs,
  type CommandResult,
  type EventName,
  type FileInfo,
  type ShellCommandName,
  type ViewUpdate,
} from '../../shared/contract';
import { parseCommandArgs, toEnvelope, type Envelope } from '../../shared/envelope';
import type { EngineWorkerHost } from '../engine/client';
import type { AnalysisExport } from '../../shared/analysis/analysisContract';
import type { PredictExport } from '../../shared/predict/predictContract';
import type { Theme } from '../../shared/shell/theme';
import { checkCommandPaths } from '../../shared/commandPaths';
import type { PathGrants } from './security/pathGrants';
import { isTrustedSenderUrl } from './security/trustedSender';

const DESKTOP_REFUSALS = {
  saves: 'Results are saved through the Save dialog; this command is not available to the page.',
  tooDeep: 'The arguments are nested too deeply.',
  notGranted: 'Files are opened through the Open dialog or the recent list; the page cannot name a file.',
} as const;

export interface ShellCommands {
  /** Shows the native open dialog; resolves to a path, or null when cancelled. */
  chooseCsvPath(): Promise<string | null>;
  /** Shows the native save dialog for the rejected rows; null when cancelled. */
  chooseRejectedRowsPath(): Promise<string | null>;
  /** Shows the native save dialog for a query result; null when cancelled. */
  chooseSqlExportPath(): Promise<string | null>;
  /** Shows the native save dialog for the Predictions panel's forecasts or anomalies; null when cancelled. */
  choosePredictExportPath(what: PredictExport): Promise<string | null>;
  /** Shows the native save dialog for the Data quality panel's flags or alarms; null when cancelled. */
  chooseAnalysisExportPath(what: AnalysisExport): Promise<string | null>;
  /** Shows the native open dialog for a road network (JSON or CSV); null when cancelled. */
  chooseNetworkPath(): Promise<string | null>;
  /** The page's theme changed: follow it in native dialogs and menus, and remember it. */
  setTheme(theme: Theme): void;
  /** Writes a refused request to the log, so an attack or a bug leaves a trace. */
  logRefusal(reason: string): void;
}

/** What the relay needs of an engine: the host's invoke. */
export type EngineInvoker = Pick<EngineWorkerHost, 'invoke'>;

type ShellHandlers = { [K in ShellCommandName]: (args: CommandArgs<K>) => Promise<Envelope<CommandResult<K>>> };

/** The desktop shell's own commands: native dialogs and the theme. Each answers here, never in the engine. */
function shellHandlers(engine: EngineInvoker, shell: ShellCommands, grants: PathGrants): ShellHandlers {
  /** A path the user picked may be named by the page from now on. */
  const picked = async (choose: () => Promise<string | null>): Promise<string | null> => {
    const path = await choose().catch(() => null);
    grants.grant(path);
    return path;
  };
  /** The engine's answer, reshaped into what the dialog command promises (its failure as it is). */
  const reshaped = <T>(envelope: Envelope<unknown>, pick: (value: unknown) => T): Envelope<T> => (envelope.ok ? { ok: true, value: pick(envelope.value) } : envelope);
  return {
    'shell:setTheme': async ({ theme }) => {
      shell.setTheme(theme);
      return { ok: true, value: { ok: true } };
    },
    'file:showOpenDialog': async () => {
      const path = await picked(() => shell.chooseCsvPath());
      return path === null ? { ok: true, value: null } : ((await engine.invoke('file:open', { path })) as Envelope<FileInfo>);
    },
    'rejected:showSaveDialog': async () => {
      const path = await shell.chooseRejectedRowsPath().catch(() => null);
      if (path === null) return { ok: true, value: null };
      return reshaped(await engine.invoke('rejected:save', { path }), (value) => ({ rows: (value as { rows: number }).rows, path }));
    },
    // Only the path comes back: the page puts it in the settings it sends with predict:configure.
    'predict:showHistoryDialog': async () => {
      const path = await picked(() => shell.chooseCsvPath());
      return { ok: true, value: path === null ? null : { path } };
    },
    'graph:showNetworkDialog': async () => {
      const path = await picked(() => shell.chooseNetworkPath());
      if (path === null) return { ok: true, value: null };
      return reshaped(await engine.invoke('graph:loadNetwork', { path }), () => ({ path }));
    },
    'predict:showExportDialog': async ({ what }) => {
      const path = await shell.choosePredictExportPath(what).catch(() => null);
      if (path === null) return { ok: true, value: null };
      return reshaped(await engine.invoke('predict:export', { what, path }), (value) => ({ rows: (value as { rows: number }).rows, path }));
    },
    'analysis:showExportDialog': async ({ what }) => {
      const path = await shell.chooseAnalysisExportPath(what).catch(() => null);
      if (path === null) return { ok: true, value: null };
      return reshaped(await engine.invoke('analysis:export', { what, path }), (value) => ({ rows: (value as { rows: number }).rows, path }));
    },
    'sql:showExportDialog': async ({ queryId }) => {
      const path = await shell.chooseSqlExportPath().catch(() => null);
      if (path === null) return { ok: true, value: null };
      return reshaped(await engine.invoke('sql:export', { queryId, path }), (value) => ({ rows: (value as { rows: number }).rows, path }));
    },
  };
}

export function registerEngineRelay(
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>,
  engine: EngineInvoker,
  shell: ShellCommands,
  trustedUrl: string,
  grants: PathGrants,
): () => void {
  const ownHandlers = shellHandlers(engine, shell, grants);
  const handle = async (event: IpcMainInvokeEvent, name: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSenderUrl(event.senderFrame?.url, trustedUrl)) {
      shell.logRefusal(`IPC from an untrusted frame (${event.senderFrame?.url ?? 'unknown'}) for ${String(name)}`);
      return { ok: false, error: { code: 'NOT_SUPPORTED', message: 'Refused: the request did not come from the app window.' } };
    }
    if (isShellCommandName(name)) {
      const parsed = await toEnvelope(() => parseCommandArgs(name, args));
      if (!parsed.ok) return parsed;
      return (ownHandlers[name] as (args: unknown) => Promise<Envelope<unknown>>)(parsed.value);
    }
    if (!isEngineCommandName(name)) return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command: ${String(name)}` } };
    const refusal = checkCommandPaths(name, args, (path) => grants.has(path));
    if (refusal !== null) {
      shell.logRefusal(`${name} from the page with a path the user did not choose (${refusal})`);
      return { ok: false, error: { code: 'INVALID_ARGS', message: DESKTOP_REFUSALS[refusal] } };
    }
    const answer = await engine.invoke(name, args);
    if (name === 'session:snapshot' && answer.ok) grants.grantShown(answer.value as ViewUpdate);
    return answer;
  };
  ipc.handle(IPC_INVOKE_CHANNEL, handle);
  return () => ipc.removeHandler(IPC_INVOKE_CHANNEL);
}

export function forwardEngineEvents(engine: EngineWorkerHost, window: BrowserWindow): () => void {
  return engine.onEvent((name: EventName, payload: unknown) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  });
}
