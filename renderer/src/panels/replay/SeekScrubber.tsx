/**
 * A scrubber over the file's time range (or its rows when the file has no time). Dragging shows
 * where the replay would jump; releasing jumps there and the panels restart from that point.
 */
import { useEffect, useRef, useState } from 'react';
import type { SeekTarget } from '../../../../shared/contract';
import { formatCount } from '../../format';
import { formatEventTime } from '../../formatTime';
import { actions } from '../../store/actions';
import { useView } from '../../store/viewStore';

const MINUTE_MS = 60_000;

export function SeekScrubber(): React.JSX.Element | null {
  const file = useView((s) => s.file);
  const replay = useView((s) => s.replay);
  const [dragging, setDragging] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const range = file?.timeRange ?? null;
  const byTime = range !== null && range.last > range.first;
  const totalRows = replay?.totalRows ?? file?.estimatedRows ?? 0;
  const min = byTime ? range.first : 0;
  const max = byTime ? range.last : Math.max(totalRows, 1);
  // By time only in the first pass: later loops shift event times past the file's range.
  const current = byTime && (replay?.loop ?? 0) === 0 ? (replay?.eventTime ?? min) : byTime ? min : (replay?.position ?? 0);
  const shown = Math.min(Math.max(dragging ?? current, min), max);

  const describe = (value: number): string => (byTime ? formatEventTime(value, false) : `row ${formatCount(Math.round(value))}`);

  // React's onChange fires on every movement; the native change event fires once on release
  // (pointer or keyboard), which is when the replay should jump.
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const commit = (): void => {
      const value = Number(element.value);
      setDragging(null);
      const target: SeekTarget = byTime ? { kind: 'time', time: value } : { kind: 'row', row: Math.round(value) };
      void actions.seek(target);
    };
    element.addEventListener('change', commit);
    return () => element.removeEventListener('change', commit);
  }, [byTime]);

  if (!file) return null;
  return (
    <div className="seek-scrubber">
      <span className="seek-edge">{describe(min)}</span>
      <input
        ref={input}
        type="range"
        aria-label={byTime ? 'Seek to time' : 'Seek to row'}
        aria-valuetext={describe(shown)}
        min={min}
        max={max}
        step={byTime ? MINUTE_MS : 1}
        value={shown}
        onChange={(event) => setDragging(Number(event.target.value))}
        title={`Jump to ${describe(shown)}`}
      />
      <span className="seek-edge">{describe(max)}</span>
      <output className="seek-position" data-testid="seek-position">
        {dragging !== null ? `Jump to ${describe(dragging)}` : describe(shown)}
      </output>
    </div>
  );
}
