/**
 * The relay between the page and the engine, with the real engine (in this thread rather than its
 * worker) and the sample file. Electron's ipcMain cannot run here, so a fake one captures the
 * handler the relay registers; the native dialogs are scripted answers.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNEL, type EngineCommandName } from '../../shared/contract';
import { toEnvelope, type Envelope } from '../../shared/envelope';
import type { Theme } from '../../shared/shell/theme';
import { Engine } from '../engine/engine';
import { DEFAULT_PREDICT_SETTINGS } from '../../shared/predict/predictContract';
import { registerEngineRelay, type ShellCommands } from './ipcRelay';
import { PathGrants } from './security/pathGrants';

const SAMPLE = resolve(__dirname, '../../sample-data/traffic-sample.csv');
const PAGE = 'file:///opt/tm/resources/app.asar/out/renderer/index.html';

type Handler = (event: IpcMainInvokeEvent, name: unknown, args: unknown) => Promise<Envelope<unknown>>;

let dir: string;
let engine: Engine;
let handler: Handler;
let themes: Theme[];
let refusals: string[];
let chosenCsv: string | null;
let exportAsked: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ipc-relay-'));
  engine = new Engine({ sampleCsvPath: SAMPLE, dataDir: dir, onViewUpdate: () => undefined });
  themes = [];
  refusals = [];
  chosenCsv = null;
  exportAsked = [];
  const shell: ShellCommands = {
    chooseCsvPath: async () => chosenCsv,
    chooseRejectedRowsPath: async () => null,
    chooseSqlExportPath: async () => null,
    choosePredictExportPath: async (what) => {
      exportAsked.push(what);
      return null;
    },
    chooseAnalysisExportPath: async () => null,
    chooseNetworkPath: async () => null,
    setTheme: (theme) => themes.push(theme),
    logRefusal: (reason) => refusals.push(reason),
  };
  const fakeIpcMain = {
    handle: (channel: string, registered: Handler) => {
      expect(channel).toBe(IPC_INVOKE_CHANNEL);
      handler = registered;
    },
    removeHandler: () => undefined,
  };
  registerEngineRelay(fakeIpcMain as never, { invoke: (name: EngineCommandName, args: unknown) => toEnvelope(() => engine.handle(name, args)) }, shell, PAGE, new PathGrants());
});

afterEach(() => {
  engine.stop();
  rmSync(dir, { recursive: true, force: true });
});

const from = (url: string | undefined): IpcMainInvokeEvent => ({ senderFrame: url === undefined ? null : { url } }) as unknown as IpcMainInvokeEvent;

describe('the IPC relay (fake ipcMain: Electron cannot run here)', () => {
  it('answers the app page: a command reaches the engine and its answer comes back', async () => {
    const answer = await handler(from(PAGE), 'file:openSample', {});
    expect(answer).toMatchObject({ ok: true, value: { name: 'traffic-sample.csv' } });
  });

  it('refuses any other frame, and says so in the log', async () => {
    for (const url of ['https://example.org/', 'file:///home/u/evil.html', undefined]) {
      expect(await handler(from(url), 'file:openSample', {}), String(url)).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    }
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toMatch(/untrusted frame \(https:\/\/example\.org\/\) for file:openSample/);
    expect((await engine.handle('session:snapshot', {})).file).toBeNull();
  });

  it('refuses names outside the contract and arguments that fail its schema', async () => {
    expect(await handler(from(PAGE), 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(await handler(from(PAGE), 'file:open', { path: 42 })).toMatchObject({ ok: false });
  });

  it('the theme is the shell\'s to keep: a valid one is applied, anything else refused', async () => {
    expect(await handler(from(PAGE), 'shell:setTheme', { theme: 'dark' })).toEqual({ ok: true, value: { ok: true } });
    expect(await handler(from(PAGE), 'shell:setTheme', { theme: 'neon' })).toMatchObject({ ok: false });
    expect(themes).toEqual(['dark']);
  });

  it('answers the shell\'s own commands here: the engine does not know them', async () => {
    await expect(engine.handle('file:showOpenDialog' as never, {})).rejects.toMatchObject({ code: 'UNKNOWN_COMMAND' });
    expect(await handler(from(PAGE), 'predict:showHistoryDialog', {})).toEqual({ ok: true, value: null });
    expect(await handler(from(PAGE), 'sql:showExportDialog', { queryId: 'x' })).toMatchObject({ ok: false });
  });

  it('Open… opens the file the native dialog returned, and nothing when it was cancelled', async () => {
    expect(await handler(from(PAGE), 'file:showOpenDialog', {})).toEqual({ ok: true, value: null });
    chosenCsv = SAMPLE;
    expect(await handler(from(PAGE), 'file:showOpenDialog', {})).toMatchObject({ ok: true, value: { path: SAMPLE } });
    expect((await engine.handle('session:snapshot', {})).file?.path).toBe(SAMPLE);
  });

  it('refuses a path the user did not choose: the page cannot make the app read or write any file', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'password=hunter2\n');
    for (const [name, args] of [
      ['file:open', { path: secret }],
      ['graph:loadNetwork', { path: secret }],
      ['predict:configure', { ...DEFAULT_PREDICT_SETTINGS, history: { kind: 'csv', path: secret } }],
    ] as const) {
      const answer = await handler(from(PAGE), name, args);
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', message: expect.stringMatching(/the page cannot name a file/) } });
      expect(JSON.stringify(answer)).not.toContain('hunter2');
    }
    // Writing commands are the shell's own, after a Save dialog, whatever the path.
    for (const [name, args] of [
      ['rejected:save', { path: join(dir, 'out.sh') }],
      ['sql:export', { queryId: 1, path: join(dir, 'out.sh') }],
    ] as const) {
      expect(await handler(from(PAGE), name, args), name).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Save dialog/) } });
    }
    expect(existsSync(join(dir, 'out.sh'))).toBe(false);
    expect((await engine.handle('session:snapshot', {})).file).toBeNull();
    expect(refusals.filter((line) => /did not choose/.test(line))).toHaveLength(5);
  });

  it('accepts a path the user picked in a native dialog, or one the engine showed the page', async () => {
    chosenCsv = SAMPLE;
    // Picked for forecasts' history: the page may send it back in the prediction settings.
    expect(await handler(from(PAGE), 'predict:showHistoryDialog', {})).toEqual({ ok: true, value: { path: SAMPLE } });
    expect(await handler(from(PAGE), 'predict:configure', { ...DEFAULT_PREDICT_SETTINGS, history: { kind: 'csv', path: SAMPLE } })).toMatchObject({ ok: true });

    // Shown in a snapshot (the engine opened it itself): the page may open it again.
    const other = join(dir, 'copy.csv');
    copyFileSync(SAMPLE, other);
    await engine.handle('file:open', { path: other });
    expect(await handler(from(PAGE), 'file:open', { path: other })).toMatchObject({ ok: false });
    expect(await handler(from(PAGE), 'session:snapshot', {})).toMatchObject({ ok: true });
    expect(await handler(from(PAGE), 'file:open', { path: other })).toMatchObject({ ok: true, value: { name: 'copy.csv' } });
  });

  it('exporting forecasts asks the save dialog for that export and writes nothing when it is cancelled; a path from the page is refused', async () => {
    expect(await handler(from(PAGE), 'predict:showExportDialog', { what: 'anomalies' })).toEqual({ ok: true, value: null });
    expect(exportAsked).toEqual(['anomalies']);
    expect(await handler(from(PAGE), 'predict:showExportDialog', { what: 'everything' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(exportAsked).toEqual(['anomalies']);
    // Commands that write where their path says are the shell's own: from the page, refused and logged.
    for (const [name, args] of [
      ['predict:export', { what: 'forecasts', path: join(dir, 'f.csv') }],
      ['sql:export', { queryId: 1, path: join(dir, 'q.csv') }],
      ['rejected:save', { path: join(dir, 'r.csv') }],
    ] as const) {
      expect(await handler(from(PAGE), name, args), name).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', message: expect.stringMatching(/Save dialog/) } });
    }
    expect(refusals).toHaveLength(3);
  });
});
