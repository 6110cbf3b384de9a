/** Rows read of the total, the current pace, and how read rows split into accepted and rejected. */
import { useSession } from '../../store/sessionStore';
import { formatBytes, formatCount } from '../../format';

export function ReplayProgressBar(): React.JSX.Element | null {
  const replay = useSession((s) => s.replay);
  if (!replay) return null;
  const total = replay.totalRows;
  const max = total && total > 0 ? total : Math.max(replay.rowsRead, 1);
  return (
    <div className="progress" aria-live="off">
      <progress
        aria-label="Replay progress"
        max={max}
        value={Math.min(replay.rowsRead, max)}
        aria-valuetext={`${formatCount(replay.rowsRead)} of ${total === null ? 'unknown' : formatCount(total)} rows`}
      />
      <span data-testid="rows-read">
        {formatCount(replay.rowsRead)} of {total === null ? '?' : `${replay.totalExact ? '' : '≈'}${formatCount(total)}`} rows
      </span>
      <span data-testid="rows-per-second">{formatCount(replay.rowsPerSecond)} rows/s</span>
      <span className={`state state-${replay.state}`} data-testid="replay-state">
        {replay.state}
      </span>
      <span className="reconcile" data-testid="reconcile">
        read {formatCount(replay.rowsRead)} = accepted {formatCount(replay.rowsAccepted)} + rejected {formatCount(replay.rowsRejected)}
      </span>
      <span className="bytes" title="Bytes read from the file so far (the reader works a block ahead)">
        {formatBytes(replay.bytesRead)} of {formatBytes(replay.bytesTotal)}
      </span>
      {replay.message && (
        <span role="alert" className="replay-message">
          {replay.message}
        </span>
      )}
    </div>
  );
}
