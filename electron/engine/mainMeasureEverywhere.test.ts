/**
 * One choice of main measure reaches every panel: choosing it in Edit roles moves the threshold,
 * the junction graph's load and the predictions' target to it, through the engine's own commands.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ViewUpdate } from '../../shared/contract';
import { Engine } from './engine';

const SAMPLE = resolve(__dirname, '../../sample-data/traffic-sample.csv');
const dir = mkdtempSync(join(tmpdir(), 'main-measure-'));
const engines: Engine[] = [];

afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function until(latest: () => ViewUpdate | null, condition: (view: ViewUpdate) => boolean): Promise<ViewUpdate> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const view = latest();
    if (view && condition(view)) return view;
    if (Date.now() > deadline) throw new Error(`timed out; last view: ${JSON.stringify(view?.threshold)}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe('the main measure', () => {
  it('starts on the file’s main measure, and the user’s choice in Edit roles reaches threshold, graph and predictions', async () => {
    let latest: ViewUpdate | null = null;
    const engine = new Engine({ sampleCsvPath: SAMPLE, dataDir: mkdtempSync(join(dir, 'data-')), onViewUpdate: (view) => (latest = view) });
    engines.push(engine);
    const opened = await engine.handle('file:openSample', undefined);
    expect(opened.measure).toBe('Total');
    await until(() => latest, (view) => view.threshold.settings?.column === 'Total');

    const roles = Object.fromEntries(opened.columns.map((column) => [column.name, column.role]));
    const info = await engine.handle('schema:apply', { overrides: { roles, timeFormat: null, anchor: null, measure: 'CarCount' }, remember: false });
    expect(info.measure).toBe('CarCount');
    const view = await until(() => latest, (v) => v.threshold.settings?.column === 'CarCount');
    expect(view.graph.settings.measure).toBe('CarCount');
    expect(view.predict.settings.target).toBe('CarCount');
  });
});
