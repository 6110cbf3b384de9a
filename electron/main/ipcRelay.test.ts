/**
 * The relay between the page and the engine, with the real engine (in this thread rather than its
 * worker) and the sample file. Electron's ipcMain cannot run here, so a fake one captures the
 * handler the relay registers; the native dialogs are scripted answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNEL, type CommandName } from '../../shared/contract';
import { toEnvelope, type Envelope } from '../../shared/envelope';
import type { Theme } from '../../shared/shell/theme';
import { Engine } from '../engine/engine';
import { registerEngineRelay, type ShellCommands } from './ipcRelay';

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
  registerEngineRelay(fakeIpcMain as never, { invoke: (name: CommandName, args: unknown) => toEnvelope(() => engine.handle(name, args)) }, shell, PAGE);
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

  it('Open… opens the file the native dialog returned, and nothing when it was cancelled', async () => {
    expect(await handler(from(PAGE), 'file:showOpenDialog', {})).toEqual({ ok: true, value: null });
    chosenCsv = SAMPLE;
    expect(await handler(from(PAGE), 'file:showOpenDialog', {})).toMatchObject({ ok: true, value: { path: SAMPLE } });
    expect((await engine.handle('session:snapshot', {})).file?.path).toBe(SAMPLE);
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
      expect(await handler(from(PAGE), name, args), name).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    }
    expect(refusals).toHaveLength(3);
  });
});
