/**
 * The words beside the replay's progress bar. "N of TOTAL" is the file position, the same figure
 * the bar draws, so a seek (which passes over rows without replaying them) cannot make the text
 * and the bar disagree; the rows actually replayed since a seek are a separate figure.
 */
import type { ReplayProgress } from '../../../../shared/contract';
import { formatCount } from '../../format';

type ProgressFigures = Pick<ReplayProgress, 'position' | 'totalRows' | 'totalExact' | 'rowsRead' | 'seekedTo'>;

/** "13,440 of 26,880 rows": rows of the file passed, replayed or skipped by the seek. */
export function positionText(replay: ProgressFigures): string {
  const total = replay.totalRows === null ? '?' : `${replay.totalExact ? '' : '≈'}${formatCount(replay.totalRows)}`;
  return `${formatCount(replay.position)} of ${total} rows`;
}

/** "· 12,190 replayed since the seek", or null when the run started at the top of the file. */
export function replayedSinceSeekText(replay: ProgressFigures): string | null {
  if (replay.seekedTo === null) return null;
  return `· ${formatCount(replay.rowsRead)} replayed since the seek`;
}
