/**
 * The bus the user chose (embedded or a Kafka profile and topic) and this installation's id, kept
 * in the data folder so the app comes back on the same bus and the same consumer group.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { busSelectionSchema, type BusSelection } from '../../../shared/kafka/busContract';
import { JsonFileWriter, readJsonFile } from './jsonFile';
import { logFailure } from '../supervision';

const FILE_NAME = 'bus.json';
const fileSchema = z.object({ version: z.literal(1), installationId: z.string().min(1), selection: busSelectionSchema });
type BusFile = z.infer<typeof fileSchema>;

export class BusSettings {
  private readonly path: string | null;
  private readonly writer: JsonFileWriter | null;
  private data: BusFile = { version: 1, installationId: randomUUID(), selection: { kind: 'embedded' } };
  private loaded: Promise<BusFile> | null = null;

  constructor(dataDir: string | null) {
    this.path = dataDir ? join(dataDir, FILE_NAME) : null;
    this.writer = this.path ? new JsonFileWriter(this.path) : null;
  }

  /** Missing or corrupt: embedded bus and a new installation id (written at once so it stays stable). */
  load(): Promise<BusFile> {
    this.loaded ??= (async () => {
      if (!this.path) return this.data;
      const fresh = this.data;
      this.data = await readJsonFile(this.path, fileSchema, fresh);
      if (this.data === fresh) await this.writer?.write(this.data).catch(logFailure('settings', 'could not write the bus settings'));
      return this.data;
    })();
    return this.loaded;
  }

  /** The app's consumer group: one per installation, so two installs never steal each other's partitions. */
  async groupId(): Promise<string> {
    return `traffic-monitor-${(await this.load()).installationId.slice(0, 8)}`;
  }

  async save(selection: BusSelection): Promise<void> {
    await this.load();
    this.data = { ...this.data, selection };
    await this.writer?.write(this.data);
  }
}
