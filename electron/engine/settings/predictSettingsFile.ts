/**
 * The Predictions panel's settings (target, features, model, history, refit), kept in the data
 * folder so the panel comes back as the user left it. A history CSV that has since gone missing is
 * dropped back to the file's first days instead of failing every start.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PREDICT_SETTINGS, predictSettingsSchema, type PredictSettings } from '../../../shared/predict/predictContract';
import { JsonFileWriter, readJsonFile } from './jsonFile';

const FILE_NAME = 'predict-settings.json';
const fileSchema = z.object({ version: z.literal(1), settings: predictSettingsSchema });

export class PredictSettingsFile {
  private readonly path: string | null;
  private readonly writer: JsonFileWriter | null;

  constructor(dataDir: string | null) {
    this.path = dataDir ? join(dataDir, FILE_NAME) : null;
    this.writer = this.path ? new JsonFileWriter(this.path) : null;
  }

  async load(): Promise<PredictSettings> {
    if (!this.path) return DEFAULT_PREDICT_SETTINGS;
    const { settings } = await readJsonFile(this.path, fileSchema, { version: 1 as const, settings: DEFAULT_PREDICT_SETTINGS });
    if (settings.history.kind === 'csv' && !existsSync(settings.history.path)) return { ...settings, history: DEFAULT_PREDICT_SETTINGS.history };
    return settings;
  }

  async save(settings: PredictSettings): Promise<void> {
    await this.writer?.write({ version: 1, settings });
  }
}
