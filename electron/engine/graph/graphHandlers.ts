/**
 * The `graph:*` commands, typed against the contract. The engine spreads these into its handler
 * map; arguments arrive already validated by the engine's `handle`.
 */
import { stat } from 'node:fs/promises';
import type { CommandArgs, CommandResult } from '../../../shared/contract';
import { CommandError } from '../../../shared/envelope';
import type { graphCommands } from '../../../shared/graph/graphContract';
import type { GraphSettingsFile } from '../settings';
import { networkSource, type JunctionGraphFeed, type LoadedNetwork } from './junctionGraphFeed';
import { parseNetworkFile } from './networkFile';
import { logFailure } from '../supervision';

type GraphCommand = keyof typeof graphCommands;
export type GraphHandlers = { [K in GraphCommand]: (args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K> };

export interface GraphDeps {
  feed: JunctionGraphFeed;
  settingsFile: GraphSettingsFile;
  /** Starts counting loads from the visible session's rows (once; later calls do nothing). */
  open(): void;
}

/** A road network is a few thousand lines; a file far bigger than this is not one. */
export const MAX_NETWORK_BYTES = 64 * 1024 * 1024;

const OK = { ok: true } as const;

/**
 * Reads a network file. Problems inside it (a self-loop, an unknown id) are the panel's to list;
 * a file with nothing usable at all is refused with its first problem, and the network already
 * shown stays.
 */
export async function loadNetworkFile(path: string, sample: boolean): Promise<LoadedNetwork> {
  const size = await stat(path).then(
    (info) => info.size,
    (error: Error) => {
      throw new CommandError('FILE_UNREADABLE', `Could not read the network file ${path}: ${error.message}`);
    },
  );
  if (size > MAX_NETWORK_BYTES) {
    throw new CommandError('FILE_UNREADABLE', `The network file ${networkSource(path)} is ${Math.round(size / 1048576)} MB; a road network file should be under ${MAX_NETWORK_BYTES / 1048576} MB.`);
  }
  const parsed = await parseNetworkFile(path);
  if (parsed.junctions.length === 0 && parsed.links.length === 0) {
    const first = parsed.problems[0];
    const reason = first ? `${first.where}: ${first.message}` : 'it lists no junctions and no links';
    throw new CommandError('INVALID_NETWORK', `${networkSource(path)} is not a usable road network (${reason}). Expected JSON {"junctions": [...], "links": [...]} or CSV with from,to columns.`);
  }
  return { parsed, source: networkSource(path), sample };
}

/** `deps` is a function so the engine can build its handler map before its constructor ran. */
export function createGraphHandlers(deps: () => GraphDeps): GraphHandlers {
  return {
    'graph:open': () => {
      deps().open();
      return OK;
    },
    'graph:configure': async (settings) => {
      const { feed, settingsFile, open } = deps();
      open();
      feed.configure(settings);
      // Remembering is a convenience: a full disk must not undo the change on screen.
      await settingsFile.save(settings).catch(logFailure('settings', 'could not save the graph settings'));
      return OK;
    },
    'graph:loadNetwork': async ({ path }) => {
      const { feed, open } = deps();
      open();
      feed.useNetwork(await loadNetworkFile(path, false));
      return OK;
    },
    'graph:clearNetwork': () => {
      deps().feed.useNetwork(null);
      return OK;
    },
    'graph:select': ({ id }) => {
      deps().feed.select(id);
      return OK;
    },
    'graph:refreshAnalytics': () => {
      deps().feed.refreshAnalytics();
      return OK;
    },
    'graph:setPath': ({ route }) => {
      deps().feed.setRoute(route);
      return OK;
    },
  };
}
