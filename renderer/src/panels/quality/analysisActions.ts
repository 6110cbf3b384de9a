/**
 * What the Data quality and Profiles panels ask of the engine: health settings, the locations the
 * heatmap and typical day show, and the flags / alarms CSV exports (save dialog on the desktop,
 * download in a browser: the page never names a path). Failures land in the panels' notice.
 */
import { create } from 'zustand';
import type { AnalysisExport, AnalysisSettings } from '../../../../shared/analysis/analysisContract';
import type { CommandArgs, CommandName, CommandResult } from '../../../../shared/contract';
import { formatCount } from '../../format';
import { isDesktop, tryInvoke } from '../../transport/engineClient';
import { startDownload } from '../../transport/downloadLink';

interface AnalysisNoticeState {
  notice: string | null;
}

export const useAnalysisNotice = create<AnalysisNoticeState>()(() => ({ notice: null }));

async function command<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<{ ok: true; value: CommandResult<K> } | { ok: false }> {
  const envelope = await tryInvoke(name, args);
  if (envelope.ok) {
    useAnalysisNotice.setState({ notice: null });
    return envelope;
  }
  useAnalysisNotice.setState({ notice: envelope.error.message });
  return { ok: false };
}

interface LocationChoice {
  heatmap: string | null;
  typical: string | null;
}

/** The location choice sent and not yet answered (see selectLocations). */
let pendingChoice: LocationChoice | null = null;

export const analysisActions = {
  async configure(settings: AnalysisSettings): Promise<void> {
    await command('analysis:configure', settings);
  },

  /**
   * Changes one of the two shown locations (`change`), keeping the other. While an earlier change
   * is still on its way, the other is taken from that request rather than from `shown` (the view,
   * which does not show it yet): two quick changes would otherwise undo the first.
   */
  async selectLocations(change: Partial<LocationChoice>, shown: LocationChoice): Promise<void> {
    const next: LocationChoice = { ...(pendingChoice ?? shown), ...change };
    pendingChoice = next;
    try {
      await command('analysis:selectLocation', next);
    } finally {
      if (pendingChoice === next) pendingChoice = null;
    }
  },

  async exportCsv(what: AnalysisExport): Promise<void> {
    if (isDesktop) {
      const reply = await command('analysis:showExportDialog', { what });
      if (reply.ok && reply.value) useAnalysisNotice.setState({ notice: `Exported ${formatCount(reply.value.rows)} ${what} to ${reply.value.path}` });
      return;
    }
    const failed = await startDownload(`/api/analysis-export.csv?what=${what}`, `${what}.csv`);
    if (failed) useAnalysisNotice.setState({ notice: failed });
  },
};
