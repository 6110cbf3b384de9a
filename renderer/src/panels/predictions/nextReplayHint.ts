/** When the Predictions panel says forecasts wait for the next replay. Pure, so the rule is unit-tested. */
import type { ReplayState } from '../../../../shared/contract';

/**
 * The model only sees rows replayed while the panel is open, so a panel opened after (or
 * between) replays has nothing to show and no replay coming to fill it: say so rather than a
 * bare "0 received". A running or paused replay is already feeding it.
 */
export function showsNextReplayHint(replayState: ReplayState | undefined, received: number): boolean {
  return received === 0 && replayState !== 'running' && replayState !== 'paused';
}
