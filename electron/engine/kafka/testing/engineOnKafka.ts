/**
 * An engine with a data folder of its own and a Kafka profile for a given cluster, for tests that
 * drive the whole pipeline on Kafka.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ViewUpdate } from '../../../../shared/contract';
import { Engine } from '../../engine';

export { produceWithKcat } from './kcatClient';

export const SAMPLE_CSV = resolve(__dirname, '../../../../sample-data/traffic-sample.csv');

export interface EngineOnKafka {
  engine: Engine;
  /** The latest view the engine pushed. */
  view(): ViewUpdate | null;
  saveProfile(brokers: string[], name?: string): Promise<string>;
  dispose(): void;
}

export function engineOnKafka(): EngineOnKafka {
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-kafka-'));
  let latest: ViewUpdate | null = null;
  const engine = new Engine({ sampleCsvPath: SAMPLE_CSV, dataDir, onViewUpdate: (update) => (latest = update) });
  return {
    engine,
    view: () => latest,
    saveProfile: async (brokers, name = 'Test cluster') => {
      const profile = await engine.handle('kafkaProfile:save', {
        profile: { name, brokers, clientId: 'traffic-monitor-test', tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true }, sasl: null },
      });
      return profile.id;
    },
    dispose: () => {
      engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
