/**
 * The graph's badge. The engine says whether the graph has loads ('live'); whether they are still
 * moving depends on the replay (or on a watched topic), so a replay that paused, finished or was
 * stopped shows as such instead of "Live" over loads that no longer change.
 */
import type { ReplayState } from '../../../../shared/contract';
import type { GraphState } from '../../../../shared/graph/graphContract';

export interface GraphBadge {
  label: string;
  /** Said when the engine sends no message of its own. */
  hint: string;
  /** For the badge's colour: 'live' only while loads move. */
  tone: GraphState | 'still';
}

const ENDED: Partial<Record<ReplayState, string>> = { paused: 'Paused', finished: 'Finished', stopped: 'Stopped', failed: 'Stopped' };

export function graphBadge(graph: GraphState, replay: ReplayState | null, monitoring: boolean): GraphBadge {
  if (graph === 'off') return { label: 'Off', hint: 'Starting the graph…', tone: 'off' };
  if (graph === 'waiting') return { label: 'Waiting', hint: monitoring ? 'Waiting for messages on the topic.' : 'Waiting for rows: start a replay.', tone: 'waiting' };
  if (monitoring) return { label: 'Live', hint: 'Loads follow the watched topic.', tone: 'live' };
  const ended = replay === null ? undefined : ENDED[replay];
  if (ended) return { label: ended, hint: replay === 'paused' ? 'Loads resume with the replay.' : 'Loads as the replay left them.', tone: 'still' };
  if (replay === 'running') return { label: 'Live', hint: 'Loads follow the replay.', tone: 'live' };
  return { label: 'Ready', hint: 'Start a replay to see loads move.', tone: 'still' };
}
