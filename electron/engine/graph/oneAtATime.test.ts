import { describe, expect, it } from 'vitest';
import { OneAtATime } from './oneAtATime';

/** A run the test finishes by hand, so it can ask again while one is under way. */
function manualRuns(options: { nothingToRun?: () => boolean; mayRunAgain?: () => boolean } = {}) {
  const finishers: (() => void)[] = [];
  const events: string[] = [];
  const runner = new OneAtATime({
    start: () => {
      if (options.nothingToRun?.()) return null;
      events.push(`start ${finishers.length + 1}`);
      return new Promise<void>((resolve) => finishers.push(resolve));
    },
    ended: () => events.push(`ended (running: ${runner.isRunning})`),
    mayRunAgain: options.mayRunAgain,
  });
  /** Finishes run `n` (1-based) and lets its ending run. */
  const finish = async (n: number): Promise<void> => {
    finishers[n - 1]?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { runner, events, finish };
}

describe('one at a time', () => {
  it('starts a run at once when none is under way', async () => {
    const { runner, events, finish } = manualRuns();
    runner.request();
    expect(runner.isRunning).toBe(true);
    expect(events).toEqual(['start 1']);
    await finish(1);
    expect(runner.isRunning).toBe(false);
    expect(events).toEqual(['start 1', 'ended (running: false)']);
  });

  it('runs once more after the current run however often it was asked meanwhile', async () => {
    const { runner, events, finish } = manualRuns();
    runner.request();
    runner.request();
    runner.request();
    runner.request();
    expect(events).toEqual(['start 1']);
    await finish(1);
    // The second run has started by the time the owner hears the first one ended.
    expect(events).toEqual(['start 1', 'start 2', 'ended (running: true)']);
    await finish(2);
    expect(events).toEqual(['start 1', 'start 2', 'ended (running: true)', 'ended (running: false)']);
  });

  it('starts nothing, and reports nothing, when there is nothing to run', async () => {
    let nothing = true;
    const { runner, events, finish } = manualRuns({ nothingToRun: () => nothing });
    runner.request();
    expect(runner.isRunning).toBe(false);
    expect(events).toEqual([]);

    nothing = false;
    runner.request();
    nothing = true;
    runner.request(); // remembered, but there is nothing to run by the time the first run ends
    await finish(1);
    expect(events).toEqual(['start 1', 'ended (running: false)']);
  });

  it('drops the remembered run when it may no longer run', async () => {
    let allowed = false;
    const { runner, events, finish } = manualRuns({ mayRunAgain: () => allowed });
    runner.request();
    runner.request();
    await finish(1);
    expect(events).toEqual(['start 1', 'ended (running: false)']);
    // The request was spent, not kept for later.
    allowed = true;
    runner.request();
    await finish(2);
    expect(events).toEqual(['start 1', 'ended (running: false)', 'start 2', 'ended (running: false)']);
  });
});
