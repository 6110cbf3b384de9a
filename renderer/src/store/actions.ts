/**
 * User actions: each sends one command and shows its error, if any, in the banner. Keeping them
 * here lets the menu (desktop) and the buttons share the exact same behaviour.
 */
import type { CommandArgs, CommandName, FileInfo, Pace, SeekTarget } from '../../../shared/contract';
import type { SchemaOverrides } from '../../../shared/schema';
import { isDesktop, tryInvoke, uploadFile } from '../transport/engineClient';
import { startDownload } from '../transport/downloadLink';
import { useView } from './viewStore';
import { effectivePace, useReplaySettings } from './replaySettingsStore';

async function run<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<boolean> {
  const envelope = await tryInvoke(name, args);
  useView.getState().setError(envelope.ok ? null : envelope.error.message);
  return envelope.ok;
}

export const actions = {
  openSample: () => run('file:openSample', {}),
  openDialog: () => run('file:showOpenDialog', {}),
  openPath: (path: string) => run('file:open', { path }),
  async uploadAndOpen(file: File): Promise<boolean> {
    try {
      return await run('file:open', { path: await uploadFile(file) });
    } catch (error) {
      useView.getState().setError((error as Error).message);
      return false;
    }
  },
  replay: () => {
    const { pace, limits } = useReplaySettings.getState();
    return run('replay:start', { pace: effectivePace(pace, useView.getState().file), limits });
  },
  setPace: (pace: Pace) => {
    useReplaySettings.getState().setPace(pace);
    const state = useView.getState().replay?.state;
    return state === 'running' || state === 'paused' ? run('replay:setPace', { pace }) : Promise.resolve(true);
  },
  seek: (target: SeekTarget) => run('replay:seek', { target }),
  /** Resolves to the new file description, or an error message for the schema dialog to show. */
  async applySchema(overrides: SchemaOverrides, remember: boolean): Promise<{ ok: true; file: FileInfo } | { ok: false; message: string }> {
    const envelope = await tryInvoke('schema:apply', { overrides, remember });
    return envelope.ok ? { ok: true, file: envelope.value } : { ok: false, message: envelope.error.message };
  },
  resetSchema: () => run('schema:reset', {}),
  /** Desktop: a native save dialog. Browser: a download of every rejected row. */
  async saveRejected(): Promise<boolean> {
    if (isDesktop) return run('rejected:showSaveDialog', {});
    return (await startDownload('/api/rejected.csv', 'rejected-rows.csv')) === null;
  },
  pause: () => run('replay:pause', {}),
  resume: () => run('replay:resume', {}),
  pauseOrResume: () => {
    const state = useView.getState().replay?.state;
    if (state === 'running') return run('replay:pause', {});
    if (state === 'paused') return run('replay:resume', {});
    return Promise.resolve(false);
  },
  /** One key for the common case (Space, the menu's Replay/Pause): start when nothing runs, else pause or resume. */
  replayOrPause: () => {
    const { replay, file } = useView.getState();
    if (replay?.state === 'running' || replay?.state === 'paused') return actions.pauseOrResume();
    return file ? actions.replay() : Promise.resolve(false);
  },
  stop: () => run('replay:stop', {}),
  setThreshold: (args: CommandArgs<'threshold:set'>) => run('threshold:set', args),
  async setOnlyPassing(onlyPassing: boolean): Promise<boolean> {
    useView.setState({ onlyPassingRequest: onlyPassing }); // the checkbox answers at once; the rows follow
    const ok = await run('feed:setOnlyPassing', { onlyPassing });
    if (!ok) useView.setState({ onlyPassingRequest: null });
    return ok;
  },
  async refreshSnapshot(): Promise<void> {
    const envelope = await tryInvoke('session:snapshot', {});
    if (envelope.ok) useView.getState().applyUpdate(envelope.value);
  },
};
