/**
 * What the Predictions panel asks of the engine: start feeding the model, new settings, the
 * chart's location, a history CSV (native dialog on the desktop, upload in a browser), and the
 * exports of forecasts and anomalies (save dialog on the desktop, download in a browser).
 * Failures land in the panel's notice rather than the app-wide banner.
 */
import type { CommandArgs, CommandName, CommandResult } from '../../../../shared/contract';
import type { PredictExport, PredictSettings } from '../../../../shared/predict/predictContract';
import { formatCount } from '../../format';
import { useView } from '../../store/viewStore';
import { isDesktop, tryInvoke, uploadFile } from '../../transport/engineClient';
import { startDownload } from '../../transport/downloadLink';
import { settingsEqual } from './settingsEdit';
import { usePredictStore } from './predictStore';

/**
 * A request the engine accepted but whose echo never matches (it normalised the settings, say)
 * stops overriding the engine's view after this long.
 */
const SETTLE_MS = 3000;

const setState = usePredictStore.setState;
const getState = usePredictStore.getState;

async function command<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<{ ok: true; value: CommandResult<K> } | { ok: false }> {
  const envelope = await tryInvoke(name, args);
  if (envelope.ok) return envelope;
  setState({ notice: envelope.error.message });
  return { ok: false };
}

export const predictActions = {
  /** The panel is shown: rows go to the model from now on. */
  async open(): Promise<void> {
    await command('predict:open', {});
  },

  /**
   * Sends whole settings; the engine rebuilds the model and refits at once (metrics start over).
   * Resolves to the engine's reason when it refused them, else null.
   */
  async configure(settings: PredictSettings): Promise<string | null> {
    setState({ pendingSettings: settings, notice: null });
    const envelope = await tryInvoke('predict:configure', settings);
    const stillPending = (): boolean => getState().pendingSettings === settings;
    if (!envelope.ok) {
      if (stillPending()) setState({ pendingSettings: null });
      return envelope.error.message;
    }
    setTimeout(() => {
      if (stillPending()) setState({ pendingSettings: null });
    }, SETTLE_MS);
    return null;
  },

  /**
   * One change from the settings bar, made to the newest settings (a request still in flight
   * included, so quick changes add up); a refusal shows in the panel's notice.
   */
  change(edit: (current: PredictSettings) => PredictSettings): void {
    const current = getState().pendingSettings ?? useView.getState().predict?.settings;
    if (!current) return;
    void predictActions.configure(edit(current)).then((failure) => {
      if (failure !== null) setState({ notice: failure });
    });
  },

  async selectLocation(location: string): Promise<void> {
    setState({ pendingLocation: location });
    const reply = await command('predict:selectLocation', { location });
    const stillPending = (): boolean => getState().pendingLocation === location;
    if (!reply.ok) {
      if (stillPending()) setState({ pendingLocation: null });
      return;
    }
    setTimeout(() => {
      if (stillPending()) setState({ pendingLocation: null });
    }, SETTLE_MS);
  },

  /** Called with each update: requests the engine now reports are done. */
  settle(settings: PredictSettings | null, location: string | null): void {
    const { pendingSettings, pendingLocation } = getState();
    if (pendingSettings && settings && settingsEqual(pendingSettings, settings)) setState({ pendingSettings: null });
    if (pendingLocation !== null && pendingLocation === location) setState({ pendingLocation: null });
  },

  /**
   * Desktop: a native save dialog, then the engine writes the file. Browser: the web host streams
   * the file as a download (the page never names a path).
   */
  async exportCsv(what: PredictExport): Promise<void> {
    if (isDesktop) {
      const reply = await command('predict:showExportDialog', { what });
      if (reply.ok && reply.value) setState({ notice: `Exported ${formatCount(reply.value.rows)} ${what} to ${reply.value.path}` });
      return;
    }
    const failed = await startDownload(`/api/predict-export.csv?what=${what}`, `${what}.csv`);
    if (failed) setState({ notice: failed });
  },

  /** Desktop: the native open dialog; null when cancelled or failed. */
  async showHistoryDialog(): Promise<string | null> {
    const reply = await command('predict:showHistoryDialog', {});
    return reply.ok && reply.value ? reply.value.path : null;
  },

  /** Browser: streams the chosen CSV to the web host; the path it was saved at, or null on failure. */
  async uploadHistory(file: File): Promise<string | null> {
    setState({ uploading: true, notice: null });
    try {
      return await uploadFile(file);
    } catch (error) {
      setState({ notice: `The history CSV could not be uploaded: ${(error as Error).message}` });
      return null;
    } finally {
      setState({ uploading: false });
    }
  },
};
