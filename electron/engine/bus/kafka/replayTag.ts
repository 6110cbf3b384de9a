/**
 * The header that marks a row this app produced: which replay, its sequence number in that replay,
 * and its line in the source file. One header (not three) because kafkajs encodes each header
 * separately and this is on the hot path.
 */
export const REPLAY_TAG_HEADER = 'traffic-monitor';

export interface ReplayTag {
  run: string;
  seq: number;
  line: number;
}

export function formatReplayTag(run: string, seq: number, line: number): string {
  return `${run}:${seq}:${line}`;
}

export function parseReplayTag(value: string | undefined): ReplayTag | null {
  if (value === undefined) return null;
  const [run, seq, line] = value.split(':');
  if (!run || seq === undefined || line === undefined) return null;
  const parsed = { run, seq: Number(seq), line: Number(line) };
  return Number.isInteger(parsed.seq) && Number.isInteger(parsed.line) ? parsed : null;
}
