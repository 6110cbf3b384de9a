/**
 * Opening a file the shell was handed (recent menu, "Open with", last file at launch) against the
 * real engine and real files. The native message boxes cannot open here, so the user's answers
 * are scripted and every question asked is recorded.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineCommandName } from '../../../shared/contract';
import { toEnvelope } from '../../../shared/envelope';
import { Engine } from '../../engine/engine';
import { openRequestedFile, type FileOpenDeps } from './fileOpenRequests';
import { SessionTracker } from './sessionTracker';

const SAMPLE = resolve(__dirname, '../../../sample-data/traffic-sample.csv');
const SLOW = { pace: { mode: 'rows', rowsPerSecond: 50 }, limits: { durationSeconds: null, rows: null, loop: false } } as const;

let dir: string;
let engine: Engine;
let tracker: SessionTracker;
let recent: string[];
let asked: string[];
let reported: string[];
let answer: boolean;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'open-requests-'));
  recent = [];
  asked = [];
  reported = [];
  answer = false;
  tracker = new SessionTracker((path) => recent.unshift(path));
  engine = new Engine({ sampleCsvPath: SAMPLE, dataDir: mkdtempSync(join(dir, 'data-')), onViewUpdate: (view) => tracker.observe(view) });
});

afterEach(() => {
  engine.stop();
  rmSync(dir, { recursive: true, force: true });
});

const invoke = (name: EngineCommandName, args: unknown) => toEnvelope(() => engine.handle(name, args));

function deps(): FileOpenDeps {
  return {
    fileExists: (path) => access(path).then(() => true, () => false),
    activeReplay: () => tracker.activeReplay(),
    confirmSwitch: async ({ message }) => {
      asked.push(message);
      return answer;
    },
    report: async ({ message, detail }) => {
      reported.push(`${message} ${detail}`);
    },
    stopReplay: () => invoke('replay:stop', {}),
    openInEngine: (path) => invoke('file:open', { path }),
    forgetRecent: (path) => {
      recent = recent.filter((entry) => entry !== path);
    },
    log: () => undefined,
  };
}

async function snapshot() {
  const view = await engine.handle('session:snapshot', {});
  tracker.observe(view);
  return view;
}

function copyOfSample(name: string): string {
  const path = join(dir, name);
  copyFileSync(SAMPLE, path);
  return path;
}

async function untilRunning(): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if ((await snapshot()).replay.state === 'running') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the replay never started');
}

describe('opening a file the OS or the recent menu handed over', () => {
  it('with nothing running, the file opens and joins the recent list', async () => {
    const path = copyOfSample('june.csv');
    expect(await openRequestedFile(path, 'association', deps())).toBe('opened');
    const view = await snapshot();
    expect(view.file?.path).toBe(path);
    expect(recent[0]).toBe(path);
    expect(asked).toEqual([]);
  });

  it('a recent file that no longer exists: a clear message naming it, dropped from the list, the session untouched', async () => {
    const current = copyOfSample('current.csv');
    await openRequestedFile(current, 'recent', deps());
    const gone = join(dir, 'moved-away.csv');
    recent.unshift(gone);
    expect(await openRequestedFile(gone, 'recent', deps())).toBe('missing');
    expect(reported).toEqual([expect.stringMatching(/"moved-away\.csv" no longer exists\. It was at .*moved-away\.csv.*removed from the recent files/)]);
    expect(recent).not.toContain(gone);
    expect((await snapshot()).file?.path).toBe(current);
  });

  it('during a replay the user is asked; saying no keeps the replay running on the old file', async () => {
    const first = copyOfSample('first.csv');
    await openRequestedFile(first, 'recent', deps());
    await engine.handle('replay:start', SLOW);
    await untilRunning();
    answer = false;
    expect(await openRequestedFile(copyOfSample('second.csv'), 'association', deps())).toBe('declined');
    expect(asked).toEqual(['Stop the replay of "first.csv" and open "second.csv"?']);
    const view = await snapshot();
    expect(view.file?.path).toBe(first);
    expect(view.replay.state).toBe('running');
  });

  it('during a replay, saying yes stops it and opens the new file', async () => {
    await openRequestedFile(copyOfSample('first.csv'), 'recent', deps());
    await engine.handle('replay:start', SLOW);
    await untilRunning();
    answer = true;
    const second = copyOfSample('second.csv');
    expect(await openRequestedFile(second, 'association', deps())).toBe('opened');
    const view = await snapshot();
    expect(view.file?.path).toBe(second);
    expect(view.replay.state).not.toBe('running');
  });

  it('the last file, reopened at launch, opens without a question', async () => {
    const last = copyOfSample('yesterday.csv');
    expect(await openRequestedFile(last, 'restore', deps())).toBe('opened');
    expect(asked).toEqual([]);
    expect((await snapshot()).file?.path).toBe(last);
  });

  it('a file the engine cannot read is reported with the engine\'s reason and the session stays', async () => {
    const good = copyOfSample('good.csv');
    await openRequestedFile(good, 'recent', deps());
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(await openRequestedFile(empty, 'association', deps())).toBe('failed');
    expect(reported[0]).toMatch(/"empty\.csv" could not be opened\. \S+/);
    expect((await snapshot()).file?.path).toBe(good);
  });
});
