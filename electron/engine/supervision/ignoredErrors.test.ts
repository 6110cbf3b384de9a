/**
 * A failure the engine does not pass on still leaves a trace: a settings file that cannot be
 * written (here a folder stands where its temporary copy goes) is logged with what was being done, while the
 * change itself still takes effect on screen.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREDICT_SETTINGS } from '../../../shared/predict/predictContract';
import { Engine } from '../engine';
import { setEngineLogSink } from './engineLog';
import { logFailure } from './ignoredErrors';

const SAMPLE = resolve(__dirname, '../../../sample-data/traffic-sample.csv');
const dirs: string[] = [];

afterEach(() => {
  setEngineLogSink((source, line) => console.error(`[${source}] ${line}`));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('errors the engine does not pass on', () => {
  it('logs a failure with its source and what was being done', () => {
    const logged: string[] = [];
    setEngineLogSink((source, line) => logged.push(`[${source}] ${line}`));
    logFailure('settings', 'could not save the graph settings')(new Error('EACCES: permission denied'));
    logFailure('kafka', 'could not connect')('a string');
    expect(logged).toEqual(['[settings] could not save the graph settings: EACCES: permission denied', '[kafka] could not connect: a string']);
  });

  it('a prediction setting that cannot be saved is still taken, and the failure is in the log', async () => {
    const logged: string[] = [];
    setEngineLogSink((source, line) => logged.push(`[${source}] ${line}`));
    const dataDir = mkdtempSync(join(tmpdir(), 'ignored-errors-'));
    dirs.push(dataDir);
    mkdirSync(join(dataDir, 'predict-settings.json.tmp'));
    const engine = new Engine({ sampleCsvPath: SAMPLE, dataDir, onViewUpdate: () => undefined });
    try {
      const changed = { ...DEFAULT_PREDICT_SETTINGS, target: 'CarCount' };
      expect(await engine.handle('predict:configure', changed)).toEqual({ ok: true });
      expect(logged.some((line) => line.startsWith('[settings] could not save the prediction settings: '))).toBe(true);
    } finally {
      engine.stop();
    }
  });
});
