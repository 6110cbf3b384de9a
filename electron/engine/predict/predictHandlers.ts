/**
 * The `predict:*` commands, typed against the contract. The engine spreads these into its handler
 * map; arguments arrive already validated by the engine's `handle`.
 */
import { CommandError } from '../../../shared/envelope';
import type { CommandArgs, CommandResult } from '../../../shared/contract';
import type { predictCommands } from '../../../shared/predict/predictContract';
import type { PredictSettingsFile } from '../settings';
import type { PredictionFeed } from './predictionFeed';
import { logFailure } from '../supervision';

type PredictCommand = keyof typeof predictCommands;
export type PredictHandlers = { [K in PredictCommand]: (args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K> };

export interface PredictDeps {
  feed: PredictionFeed;
  settingsFile: PredictSettingsFile;
  /** Starts the worker and feeds it the visible session's rows (once; later calls do nothing). */
  open(): void;
}

const OK = { ok: true } as const;

/** `deps` is a function so the engine can build its handler map before its constructor ran. */
export function createPredictHandlers(deps: () => PredictDeps): PredictHandlers {
  return {
    'predict:open': () => {
      deps().open();
      return OK;
    },
    'predict:configure': async (settings) => {
      const { feed, settingsFile, open } = deps();
      open();
      feed.configure(settings);
      // Remembering is a convenience: a full disk must not undo the change on screen.
      await settingsFile.save(settings).catch(logFailure('settings', 'could not save the prediction settings'));
      return OK;
    },
    'predict:selectLocation': ({ location }) => {
      deps().feed.selectLocation(location);
      return OK;
    },
    'predict:export': async ({ what, path }) => {
      const { feed } = deps();
      if (!feed.isOpen) throw new CommandError('BAD_STATE', 'Open the Predictions panel and replay a file first: there are no forecasts to export yet.');
      try {
        return { rows: await feed.export(what, path) };
      } catch (error) {
        throw new CommandError('FILE_UNREADABLE', `Could not export the ${what}: ${(error as Error).message}`);
      }
    },
  };
}
