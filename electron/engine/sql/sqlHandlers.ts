/**
 * The `sql:*` commands, typed against the contract. The engine spreads these into its handler map;
 * arguments arrive already validated by the engine's `handle`.
 */
import type { CommandArgs, CommandResult } from '../../../shared/contract';
import { CommandError } from '../../../shared/envelope';
import type { sqlCommands } from '../../../shared/sql/sqlContract';
import type { SqlLibraryStore } from '../settings';
import type { LiveTable } from './liveTable';
import { logFailure } from '../supervision';

type SqlCommand = keyof typeof sqlCommands;
export type SqlHandlers = { [K in SqlCommand]: (args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K> };

export interface SqlDeps {
  table: LiveTable;
  library: SqlLibraryStore;
  /** Starts filling the table from the visible session's next row (once; later calls do nothing). */
  open(): void;
}

/** `deps` is a function so the engine can build its handler map before its constructor ran. */
export function createSqlHandlers(deps: () => SqlDeps): SqlHandlers {
  return {
    'sql:open': () => {
      deps().open();
      return { ok: true } as const;
    },
    'sql:run': async ({ sql, pageSize }) => {
      const { table, library, open } = deps();
      open();
      // History is a convenience: a full disk must not keep the query from running.
      await library.recordRun(sql).catch(logFailure('sql', 'could not record the query in the history'));
      return table.run(sql, pageSize);
    },
    'sql:page': ({ queryId, offset, limit }) => deps().table.page(queryId, offset, limit),
    'sql:cancel': () => ({ cancelled: deps().table.cancel() }),
    'sql:configure': async (settings) => {
      const { table, library } = deps();
      table.configure(settings);
      await library.saveSettings(settings);
      return { ok: true } as const;
    },
    'sql:export': async ({ queryId, path }) => {
      try {
        return await deps().table.exportCsv(queryId, path);
      } catch (error) {
        if (error instanceof CommandError) throw error;
        throw new CommandError('FILE_UNREADABLE', `Could not export to ${path}: ${(error as Error).message}`);
      }
    },
    'sql:window': ({ sql }) => {
      const { table, open } = deps();
      open();
      return table.window(sql);
    },
    'sql:library': () => deps().library.library(),
    'sql:saveQuery': (query) => deps().library.save(query),
    'sql:deleteQuery': ({ name }) => deps().library.remove(name),
  };
}
