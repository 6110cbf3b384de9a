/**
 * Remembers the user's schema corrections per file header, so the next file with the same columns
 * (tomorrow's export) opens with the same roles. One small JSON file in the data folder; a missing
 * or corrupt file means "nothing remembered", never a failure to open data.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { schemaOverridesSchema, type SchemaOverrides } from '../../../shared/schema';
import { readCappedText } from './cappedFile';
import { JSON_FILE_MAX_BYTES } from './jsonFile';
import { handledElsewhere } from '../supervision';

const FILE_NAME = 'schema-roles.json';
/** Enough for every export format a user meets; the oldest entry goes first. */
const MAX_ENTRIES = 200;

const entrySchema = z.object({ header: z.array(z.string()), overrides: schemaOverridesSchema, savedAt: z.number() });
const fileSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });
type Entry = z.infer<typeof entrySchema>;

const sameHeader = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((name, i) => name === b[i]);

export class SchemaMemory {
  private readonly path: string | null;
  private entries: Entry[] = [];
  /** Read once, shared by every caller: callers that each read the file would each drop the others' changes. */
  private loading: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** Without a data folder (some tests) corrections last only as long as the engine. */
  constructor(dataDir: string | null) {
    this.path = dataDir ? join(dataDir, FILE_NAME) : null;
  }

  private async readEntries(): Promise<Entry[]> {
    if (!this.path) return [];
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readCappedText(this.path, JSON_FILE_MAX_BYTES)));
      if (parsed.success) return parsed.data.entries;
    } catch {
      // Missing or unreadable: start with nothing remembered.
    }
    return [];
  }

  /** After this, `entries` holds what is remembered; read `entries` after the await, not before. */
  private load(): Promise<void> {
    this.loading ??= this.readEntries().then((entries) => {
      this.entries = entries;
    });
    return this.loading;
  }

  async recall(header: readonly string[]): Promise<SchemaOverrides | null> {
    await this.load();
    return this.entries.find((entry) => sameHeader(entry.header, header))?.overrides ?? null;
  }

  async remember(header: readonly string[], overrides: SchemaOverrides | null): Promise<void> {
    await this.load();
    // From here to the queued write nothing awaits, so concurrent calls apply in turn, each to
    // the entries left by the one before.
    const entries = this.entries.filter((entry) => !sameHeader(entry.header, header));
    if (overrides) entries.push({ header: [...header], overrides, savedAt: Date.now() });
    entries.sort((a, b) => a.savedAt - b.savedAt);
    this.entries = entries.slice(-MAX_ENTRIES);
    const path = this.path;
    if (!path) return;
    const text = JSON.stringify({ version: 1, entries: this.entries });
    // Writes go one after another, each to a temporary file renamed into place, so a crash
    // mid-write leaves the previous file intact.
    const write = this.writing.then(async () => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.tmp`, text);
      await rename(`${path}.tmp`, path);
    });
    this.writing = write.catch(handledElsewhere); // one failed write must not block the next
    await write;
  }
}
