/**
 * The `analysis:*` commands, typed against the contract. The engine spreads these into its handler
 * map; arguments arrive already validated by the engine's `handle`.
 */
import type { CommandArgs, CommandResult } from '../../../shared/contract';
import type { analysisCommands } from '../../../shared/analysis/analysisContract';
import { CommandError } from '../../../shared/envelope';
import type { AnalysisFeed } from './analysisFeed';

type AnalysisCommand = keyof typeof analysisCommands;
export type AnalysisHandlers = { [K in AnalysisCommand]: (args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K> };

const OK = { ok: true } as const;

/** `stage` is a function so the engine can build its handler map before its constructor ran. */
export function createAnalysisHandlers(stage: () => AnalysisFeed): AnalysisHandlers {
  return {
    'analysis:configure': (settings) => {
      stage().configure(settings);
      return OK;
    },
    'analysis:selectLocation': ({ heatmap, typical }) => {
      stage().selectLocations(heatmap, typical);
      return OK;
    },
    'analysis:export': async ({ what, path }) => {
      try {
        return { rows: await stage().export(what, path) };
      } catch (error) {
        throw new CommandError('FILE_UNREADABLE', `Could not export the ${what}: ${(error as Error).message}`);
      }
    },
  };
}
