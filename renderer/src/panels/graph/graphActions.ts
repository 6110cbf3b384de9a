/**
 * What the Junction graph panel asks of the engine, and its two ways out to other panels (the
 * feed narrowed to a junction, the SQL console with a query typed). Failures land in the panel's
 * notice rather than the app-wide banner.
 */
import type { CommandArgs, CommandName, CommandResult } from '../../../../shared/contract';
import type { GraphSettings } from '../../../../shared/graph/graphContract';
import { LIVE_TABLE } from '../../../../shared/sql/sqlContract';
import { setFeedLocation } from '../../store/graphFeedLocation';
import { useView } from '../../store/viewStore';
import { tryInvoke, uploadFile } from '../../transport/engineClient';
import { useAnalysisDock } from '../../layout/dockStore';
import { useSqlStore } from '../sql/sqlStore';
import { useGraphPanel } from './graphPanelStore';
import { junctionQuery, liveLocationColumn } from './junctionQuery';

const setState = useGraphPanel.setState;

async function command<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<{ ok: true; value: CommandResult<K> } | { ok: false }> {
  const envelope = await tryInvoke(name, args);
  setState({ notice: envelope.ok ? null : envelope.error.message });
  return envelope;
}

export const graphActions = {
  /** The panel is shown: the engine draws the graph from the loads it counted all along. */
  async open(): Promise<void> {
    await command('graph:open', {});
  },

  /** Resolves to the engine's reason when it refused the settings, else null (for the settings popover). */
  async configure(settings: GraphSettings): Promise<string | null> {
    const envelope = await tryInvoke('graph:configure', settings);
    return envelope.ok ? null : envelope.error.message;
  },

  /** Desktop: the native dialog, which also loads the file. */
  async showNetworkDialog(): Promise<void> {
    await command('graph:showNetworkDialog', {});
  },

  /** Browser: streams the chosen file to the web host, then loads it from where it was saved. */
  async uploadNetwork(file: File): Promise<void> {
    setState({ uploading: true, notice: null });
    try {
      const path = await uploadFile(file);
      await command('graph:loadNetwork', { path });
    } catch (error) {
      setState({ notice: `The network file could not be uploaded: ${(error as Error).message}` });
    } finally {
      setState({ uploading: false });
    }
  },

  async clearNetwork(): Promise<void> {
    await command('graph:clearNetwork', {});
  },

  async select(id: string | null): Promise<void> {
    await command('graph:select', { id });
  },

  async refreshAnalytics(): Promise<void> {
    await command('graph:refreshAnalytics', {});
  },

  async setRoute(route: { from: string; to: string } | null): Promise<void> {
    await command('graph:setPath', { route });
  },

  showInFeed(id: string): Promise<boolean> {
    return setFeedLocation(id);
  },

  /** Types the junction's query into the SQL console and brings it to the front; the user runs it. */
  queryInSql(id: string): void {
    const { file, sqlTable, graph } = useView.getState();
    const locationColumn = graph?.locationColumn ?? null;
    const column = locationColumn === null ? null : liveLocationColumn(file?.columns ?? [], locationColumn);
    useSqlStore.getState().setText(junctionQuery(sqlTable?.table ?? LIVE_TABLE, column, id));
    useAnalysisDock.getState().show('sql');
  },
};
