/** The Junction graph panel's settings (measure, window, lane capacity, inferred links), kept in the data folder. */
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_GRAPH_SETTINGS, graphSettingsSchema, type GraphSettings } from '../../../shared/graph/graphContract';
import { JsonFileWriter, readJsonFile } from './jsonFile';

const FILE_NAME = 'graph-settings.json';
const fileSchema = z.object({ version: z.literal(1), settings: graphSettingsSchema });

export class GraphSettingsFile {
  private readonly path: string | null;
  private readonly writer: JsonFileWriter | null;

  constructor(dataDir: string | null) {
    this.path = dataDir ? join(dataDir, FILE_NAME) : null;
    this.writer = this.path ? new JsonFileWriter(this.path) : null;
  }

  async load(): Promise<GraphSettings> {
    if (!this.path) return DEFAULT_GRAPH_SETTINGS;
    const { settings } = await readJsonFile(this.path, fileSchema, { version: 1 as const, settings: DEFAULT_GRAPH_SETTINGS });
    return settings;
  }

  async save(settings: GraphSettings): Promise<void> {
    await this.writer?.write({ version: 1, settings });
  }
}
