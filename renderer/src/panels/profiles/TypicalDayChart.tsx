/** A location's typical day: the median line, the 10–90 % band of past days, and today's readings over it. */
import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TypicalDayView } from '../../../../shared/profiles/profileContract';
import { formatEventTime } from '../../formatTime';
import { binStart } from './heatmapScale';

const COLORS = { median: '#2563eb', band: '#60a5fa', today: '#ea580c' } as const;
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };

export function TypicalDayChart({ view }: { view: TypicalDayView }): React.JSX.Element {
  const data = useMemo(
    () =>
      view.median.map((median, bin) => {
        const p10 = view.p10[bin] ?? null;
        const p90 = view.p90[bin] ?? null;
        return { time: binStart(bin, view.binMinutes), median, band: p10 === null || p90 === null ? null : [p10, p90], today: view.todayMean[bin] ?? null };
      }),
    [view],
  );
  const hasHistory = view.median.some((value) => value !== null);
  return (
    <figure className="typical-chart" aria-label={`Typical day of ${view.measure} at ${view.location}`} data-testid="typical-day-chart" style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="time" interval={Math.max(0, Math.round(view.binsPerDay / 8) - 1)} tick={{ fontSize: 11, fill: 'var(--muted)' }} />
          <YAxis width={48} tick={{ fontSize: 11, fill: 'var(--muted)' }} />
          <Tooltip contentStyle={TOOLTIP_STYLE} isAnimationActive={false} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Area type="monotone" dataKey="band" name="10–90 % of past days" stroke="none" fill={COLORS.band} fillOpacity={0.3} isAnimationActive={false} connectNulls />
          <Line type="monotone" dataKey="median" name="Median" stroke={COLORS.median} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls />
          <Line
            type="monotone"
            dataKey="today"
            name={view.today === null ? 'Today' : `Today (${formatEventTime(view.today, false).slice(0, 10)})`}
            stroke={COLORS.today}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      {!hasHistory && <figcaption className="muted">The band fills from the second day: today's readings join the typical day when the next day begins.</figcaption>}
    </figure>
  );
}
