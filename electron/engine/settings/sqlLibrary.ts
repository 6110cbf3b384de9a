/**
 * The SQL console's memory: every query run (newest first, bounded), the queries the user saved by
 * name, and the live table's settings (retention, timeout). Kept in the data folder so they come
 * back after a restart; a missing or corrupt file starts empty.
 */
import { join } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_SQL_SETTINGS,
  SAVED_QUERY_LIMIT,
  SQL_HISTORY_LIMIT,
  savedQuerySchema,
  sqlSettingsSchema,
  type SavedQuery,
  type SqlLibrary,
  type SqlSettings,
} from '../../../shared/sql/sqlContract';
import { CommandError } from '../../../shared/envelope';
import { JsonFileWriter, readJsonFile } from './jsonFile';

const FILE_NAME = 'sql-library.json';
const fileSchema = z.object({
  version: z.literal(1),
  history: z.array(z.object({ sql: z.string(), ranAt: z.number() })),
  saved: z.array(savedQuerySchema),
  settings: sqlSettingsSchema,
});
type LibraryFile = z.infer<typeof fileSchema>;

export class SqlLibraryStore {
  private readonly path: string | null;
  private readonly writer: JsonFileWriter | null;
  private data: LibraryFile = { version: 1, history: [], saved: [], settings: DEFAULT_SQL_SETTINGS };
  private loaded: Promise<void> | null = null;

  constructor(dataDir: string | null) {
    this.path = dataDir ? join(dataDir, FILE_NAME) : null;
    this.writer = this.path ? new JsonFileWriter(this.path) : null;
  }

  /** The current document: read from disk once, then kept (and rewritten) in memory. */
  private async load(): Promise<LibraryFile> {
    this.loaded ??= (async () => {
      if (this.path) this.data = await readJsonFile(this.path, fileSchema, this.data);
    })();
    await this.loaded;
    return this.data;
  }

  async library(): Promise<SqlLibrary> {
    const { history, saved } = await this.load();
    return { history, saved };
  }

  async settings(): Promise<SqlSettings> {
    return (await this.load()).settings;
  }

  /** Running the same text again moves it to the top instead of listing it twice. */
  async recordRun(sql: string, ranAt = Date.now()): Promise<void> {
    const text = sql.trim();
    if (text === '') return;
    const current = await this.load();
    // A live query re-runs every second: the same text again changes nothing worth a write.
    if (current.history[0]?.sql === text) return;
    const history = [{ sql: text, ranAt }, ...current.history.filter((entry) => entry.sql !== text)].slice(0, SQL_HISTORY_LIMIT);
    await this.update({ history });
  }

  /** Saving under a name that exists replaces that query. */
  async save(query: SavedQuery): Promise<SqlLibrary> {
    const current = await this.load();
    if (current.saved.length >= SAVED_QUERY_LIMIT && !current.saved.some((entry) => entry.name === query.name)) {
      throw new CommandError('BAD_STATE', `${SAVED_QUERY_LIMIT} queries are saved, the most the console keeps: delete one before saving "${query.name}".`);
    }
    const saved = [...current.saved.filter((entry) => entry.name !== query.name), query].sort((a, b) => a.name.localeCompare(b.name));
    await this.update({ saved });
    return this.library();
  }

  async remove(name: string): Promise<SqlLibrary> {
    const current = await this.load();
    await this.update({ saved: current.saved.filter((entry) => entry.name !== name) });
    return this.library();
  }

  async saveSettings(settings: SqlSettings): Promise<void> {
    await this.load();
    await this.update({ settings });
  }

  private async update(change: Partial<LibraryFile>): Promise<void> {
    this.data = { ...this.data, ...change };
    await this.writer?.write(this.data);
  }
}
