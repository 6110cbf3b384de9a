import { describe, expect, it } from 'vitest';
import { showsNextReplayHint } from './nextReplayHint';

describe('next replay hint', () => {
  it('shows when no rows came and no replay runs', () => {
    for (const state of ['idle', 'finished', 'stopped', 'failed', undefined] as const) expect(showsNextReplayHint(state, 0)).toBe(true);
  });

  it('hides while a replay runs or is paused, or once rows came', () => {
    expect(showsNextReplayHint('running', 0)).toBe(false);
    expect(showsNextReplayHint('paused', 0)).toBe(false);
    expect(showsNextReplayHint('finished', 12)).toBe(false);
  });
});
