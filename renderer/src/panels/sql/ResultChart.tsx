/**
 * The result as a line or bar chart (recharts). It draws the rows the page holds from the top
 * (the first few thousand are fetched when the chart opens), thinned evenly to about a thousand
 * points, and says so when it shows less than the whole result.
 */
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_FETCH_ROWS } from './sqlActions';
import { ChartControls } from './ChartControls';
import { X_KEY, chartData, chartNote, numericColumns, resolveAxes, seriesKey } from './chartData';
import { heldPrefix } from './pageCache';
import { useSqlStore } from './sqlStore';
import { useGridProgress } from './useGridProgress';

/** Readable on light and dark backgrounds alike. */
const SERIES_COLORS = ['#3b82f6', '#f97316', '#10b981', '#a855f7', '#eab308', '#64748b'];
const color = (index: number): string => SERIES_COLORS[index % SERIES_COLORS.length] ?? '#3b82f6';

const tooltipStyle = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };

export function ResultChart(): React.JSX.Element | null {
  const grid = useSqlStore((s) => s.grid);
  const settings = useSqlStore((s) => s.chart);
  const progress = useGridProgress();
  const keptRows = progress?.keptRows ?? 0;
  const rowsCounted = progress?.rowsCounted ?? 0;
  const cache = grid?.cache;
  const columns = useMemo(() => grid?.result.columns ?? [], [grid?.result.columns]);
  const rows = useMemo(() => (cache ? heldPrefix(cache, keptRows, CHART_FETCH_ROWS) : []), [cache, keptRows]);
  const numeric = useMemo(() => numericColumns(columns, rows), [columns, rows]);
  const axes = resolveAxes(settings, columns, rows);
  // The series list is compared by value: a fresh array with the same names must not redraw the chart.
  const yKey = axes.y.join('\u0000');
  const data = useMemo(() => (axes.x === null ? null : chartData(columns, rows, axes.x, yKey === '' ? [] : yKey.split('\u0000'))), [columns, rows, axes.x, yKey]);

  if (!grid) return null;
  if (axes.x === null || axes.y.length === 0 || !data) {
    return (
      <div className="sql-chart-area">
        <p className="empty" data-testid="sql-chart-empty">
          Nothing to chart: the result needs a numeric column besides the x column.
        </p>
      </div>
    );
  }
  const note = chartNote(data, Math.max(rowsCounted, rows.length));
  const Chart = settings.kind === 'line' ? LineChart : BarChart;
  return (
    <div className="sql-chart-area">
      <ChartControls kind={settings.kind} columns={columns} numeric={numeric} x={axes.x} y={axes.y} />
      {note && <p className="panel-meta sql-chart-note">{note}</p>}
      <div className="sql-chart themed-chart" data-testid="sql-chart" role="img" aria-label={`${settings.kind === 'line' ? 'Line' : 'Bar'} chart of ${axes.y.join(', ')} by ${axes.x}`}>
        <ResponsiveContainer width="100%" height="100%">
          <Chart data={data.points} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey={X_KEY} name={axes.x} />
            <YAxis />
            <Tooltip contentStyle={tooltipStyle} labelFormatter={(label) => `${axes.x}: ${String(label)}`} />
            <Legend />
            {axes.y.map((name, index) =>
              settings.kind === 'line' ? (
                <Line key={name} type="monotone" dataKey={seriesKey(index)} name={name} stroke={color(index)} dot={false} isAnimationActive={false} />
              ) : (
                <Bar key={name} dataKey={seriesKey(index)} name={name} fill={color(index)} isAnimationActive={false} />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
