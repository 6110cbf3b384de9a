/**
 * Where the replay is: the file position of the total (rows replayed since a seek apart), bytes
 * read, pace, ETA, the data's clock, the loop count, and how read rows split into accepted and
 * rejected.
 */
import type { ReplayProgress } from '../../../../shared/contract';
import { formatBytes, formatCount } from '../../format';
import { formatDurationSeconds, formatEventTime } from '../../formatTime';
import { useView } from '../../store/viewStore';
import { positionText, replayedSinceSeekText } from './progressText';

function seekNotice(replay: ReplayProgress): string | null {
  const target = replay.seekedTo;
  if (!target) return null;
  const where = target.kind === 'time' ? formatEventTime(target.time, false) : `row ${formatCount(target.row)}`;
  return `Jumped to ${where}: panels restarted there${replay.rowsSkipped > 0 ? ` (${formatCount(replay.rowsSkipped)} rows passed over)` : ''}`;
}

export function ReplayProgressBar(): React.JSX.Element | null {
  const replay = useView((s) => s.replay);
  if (!replay) return null;
  const total = replay.totalRows;
  const max = total && total > 0 ? total : Math.max(replay.position, 1);
  const notice = seekNotice(replay);
  const sinceSeek = replayedSinceSeekText(replay);
  return (
    <div className="progress" aria-live="off">
      <progress
        aria-label="Replay progress"
        max={max}
        value={Math.min(replay.position, max)}
        aria-valuetext={`row ${formatCount(replay.position)} of ${total === null ? 'unknown' : formatCount(total)}`}
      />
      <span data-testid="rows-read" title="Rows of the file passed, replayed or passed over by a seek (what the bar shows)">
        {positionText(replay)}
      </span>
      {sinceSeek && <span data-testid="replayed-since-seek">{sinceSeek}</span>}
      <span data-testid="rows-per-second">{formatCount(replay.rowsPerSecond)} rows/s</span>
      <span className="bytes" data-testid="bytes-read" title="Bytes read from the file so far (the reader works a block ahead)">
        {formatBytes(replay.bytesRead)} of {formatBytes(replay.bytesTotal)}
      </span>
      {/* Always there (a dash when unknown): a figure appearing would move everything after it. */}
      <span data-testid="eta">ETA {replay.etaSeconds !== null ? formatDurationSeconds(replay.etaSeconds) : '–'}</span>
      {replay.eventTime !== null && (
        <span data-testid="event-time" title="The data's clock: event time of the newest row produced">
          {formatEventTime(replay.eventTime)}
        </span>
      )}
      {replay.limits.loop && <span data-testid="loop-count">loop {formatCount(replay.loop + 1)}</span>}
      <span className={`state state-${replay.state}`} data-testid="replay-state" data-run={replay.run}>
        {replay.state}
      </span>
      <span className="reconcile" data-testid="reconcile" title="Every row read is accepted or rejected">
        read {formatCount(replay.rowsRead)} = accepted {formatCount(replay.rowsAccepted)} + rejected {formatCount(replay.rowsRejected)}
      </span>
      {notice && (
        <span className="seek-notice" data-testid="seek-notice" title={notice}>
          {notice}
        </span>
      )}
      {replay.message && (
        <span role={replay.state === 'failed' ? 'alert' : 'status'} className="replay-message" data-testid="replay-message" title={replay.message}>
          {replay.message}
        </span>
      )}
    </div>
  );
}
