/**
 * Actual and predicted values of the selected location over time (or row number), the residual
 * band around the forecast (a range Area), and the anomalies marked on the actual line. Updates
 * arrive up to four times a second, so nothing animates. The reader can zoom (drag a range, the
 * wheel, the buttons), pan (Shift+drag, Shift+wheel, the arrows) and reset; a zoomed view stays
 * put while new points arrive. The point under the pointer is found here, not by recharts'
 * Tooltip (see chartViewport for why).
 */
import { memo, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, XAxis, YAxis, ZAxis } from 'recharts';
import type { AlarmsPanelView } from '../../../../shared/analysis/analysisContract';
import type { PredictSeries } from '../../../../shared/predict/predictContract';
import { formatCount } from '../../format';
import { anomalyMarks, timePoints } from './chartData';
import { CHART_MARGIN, COLORS, Y_AXIS_WIDTH } from './chartStyle';
import { clampRange, fullRange, nearestIndex, panBy, valueAt, visibleSlice, zoomAt, type Range } from './chartViewport';
import { PointTooltip } from './PointTooltip';
import { formatValue, timeTick } from './predictFormat';
import { useChartPointer } from './useChartPointer';

interface Props {
  series: PredictSeries;
  target: string;
  hasTime: boolean;
  anomalyK: number;
  /** Incident alarms (Data quality), shaded where they are at this location. */
  alarms: AlarmsPanelView | null;
}

/** The plot's edges inside the chart (CSS px): where the pointer layer goes. */
const PLOT_LEFT = CHART_MARGIN.left + Y_AXIS_WIDTH;
const PLOT_RIGHT = CHART_MARGIN.right;
/** Below the plot: the time axis and the legend. */
const PLOT_BOTTOM = 56;

/** Memoised: the series keeps its identity while the engine says it is unchanged, so those updates redraw nothing. */
export const OverTimeChart = memo(function OverTimeChart({ series, target, hasTime, anomalyK, alarms }: Props): React.JSX.Element {
  const data = useMemo(() => timePoints(series), [series]);
  const marks = useMemo(() => anomalyMarks(series), [series]);
  const full = useMemo(() => fullRange(data.map((point) => point.x)), [data]);
  /** null: the whole series, following new points; else the zoomed range, kept while points arrive. */
  const [range, setRange] = useState<Range | null>(null);
  const shown = range && full ? clampRange(range, full, data.length) : full;
  const zoomed = range !== null && shown !== full;
  const alarmSpans = spansOf(alarms, series.location, hasTime, shown);
  const drawn = useMemo(() => (zoomed && shown ? visibleSlice(data, shown) : data), [zoomed, shown, data]);
  const drawnMarks = zoomed && shown ? marks.filter((mark) => mark.x >= shown[0] && mark.x <= shown[1]) : marks;
  const drawnXs = useMemo(() => drawn.map((point) => point.x), [drawn]);
  const tick = useMemo(() => (hasTime && shown ? timeTick(shown[0], shown[1]) : (value: number) => formatCount(value)), [hasTime, shown]);
  const set = (next: Range | null): void => setRange(next === null || (full && next[0] <= full[0] && next[1] >= full[1]) ? null : next);
  const pointer = useChartPointer({ shown, full, points: data.length, setRange: set });

  const hovered = pointer.state.hover !== null && shown ? drawn[nearestIndex(drawnXs, valueAt(shown, pointer.state.hover))] : undefined;
  const selecting = pointer.state.selecting && shown ? pointer.state.selecting.map((fraction) => valueAt(shown, fraction)) : null;
  const domain: [number, number] | ['dataMin', 'dataMax'] = shown && shown[1] > shown[0] ? [shown[0], shown[1]] : ['dataMin', 'dataMax'];
  const step = (change: (current: Range, all: Range) => Range): void => {
    if (shown && full) set(change(shown, full));
  };

  return (
    <div className="predict-overtime">
      <div className="predict-zoom" role="group" aria-label="Chart zoom">
        <button type="button" title="Zoom in (or drag a range on the chart, or use the wheel)" onClick={() => step((r, all) => zoomAt(r, (r[0] + r[1]) / 2, 0.5, all, data.length))}>
          Zoom in
        </button>
        <button type="button" disabled={!zoomed} onClick={() => step((r, all) => zoomAt(r, (r[0] + r[1]) / 2, 2, all, data.length))}>
          Zoom out
        </button>
        <button type="button" aria-label="Earlier" title="Earlier (or Shift+drag, Shift+wheel)" disabled={!zoomed} onClick={() => step((r, all) => panBy(r, -0.5, all, data.length))}>
          ←
        </button>
        <button type="button" aria-label="Later" title="Later (or Shift+drag, Shift+wheel)" disabled={!zoomed} onClick={() => step((r, all) => panBy(r, 0.5, all, data.length))}>
          →
        </button>
        <button type="button" disabled={!zoomed} onClick={() => set(null)}>
          Reset zoom
        </button>
      </div>
      <div className="predict-chart themed-chart" role="img" aria-label={`Actual and predicted ${target} over time at ${series.location}`} data-testid="predict-chart-time">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={drawn} margin={CHART_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" domain={domain} allowDataOverflow tickFormatter={tick} minTickGap={24} />
            <YAxis tickFormatter={(value: number) => formatValue(value)} width={Y_AXIS_WIDTH} />
            {/* Anomaly markers: visible on a dense line without hiding it. */}
            <ZAxis range={[24, 24]} />
            <Legend />
            <Area
              dataKey="band"
              name={`Expected range (±${formatValue(anomalyK)} σ)`}
              className="predict-band"
              type="linear"
              stroke="none"
              fill={COLORS.band}
              fillOpacity={0.2}
              activeDot={false}
              isAnimationActive={false}
            />
            <Line dataKey="actual" name="Actual" className="predict-line-actual" type="linear" stroke={COLORS.actual} strokeWidth={1.5} dot={false} isAnimationActive={false} />
            <Line
              dataKey="predicted"
              name="Predicted"
              className="predict-line-predicted"
              type="linear"
              stroke={COLORS.predicted}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
            {drawnMarks.length > 0 && <Scatter data={drawnMarks} dataKey="actual" name="Anomaly" className="predict-anomaly-marks" fill={COLORS.anomaly} isAnimationActive={false} />}
            {/* Incident alarms at this location (Data quality panel): shaded from start to end, or to the newest point while active. */}
            {alarmSpans.map((alarm) => (
              <ReferenceArea key={alarm.id} x1={alarm.from} x2={alarm.to} className="predict-alarm-area" fill="var(--danger)" fillOpacity={0.1} ifOverflow="hidden" />
            ))}
            {hovered && <ReferenceLine x={hovered.x} stroke="var(--muted)" strokeDasharray="2 2" ifOverflow="hidden" />}
            {selecting && <ReferenceArea x1={selecting[0]} x2={selecting[1]} fill="var(--accent)" fillOpacity={0.15} ifOverflow="hidden" />}
          </ComposedChart>
        </ResponsiveContainer>
        <div
          ref={pointer.ref}
          className="predict-chart-pointer"
          data-testid="predict-chart-pointer"
          style={{ left: PLOT_LEFT, right: PLOT_RIGHT, top: CHART_MARGIN.top, bottom: PLOT_BOTTOM }}
          {...pointer.handlers}
        />
        {hovered && shown && pointer.state.hover !== null && <PointTooltip point={hovered} hasTime={hasTime} at={pointer.state.hover} plotLeft={PLOT_LEFT} plotRight={PLOT_RIGHT} />}
      </div>
    </div>
  );
});

/** The location's alarms as spans of the chart's x axis (event time); none for a file without time. */
function spansOf(alarms: AlarmsPanelView | null, location: string, hasTime: boolean, shown: Range | null): { id: number; from: number; to: number }[] {
  if (!hasTime || !alarms || !shown) return [];
  return [...alarms.active, ...alarms.closed]
    .filter((alarm) => alarm.location === location)
    .map((alarm) => ({ id: alarm.id, from: alarm.start, to: alarm.end ?? shown[1] }))
    .filter((span) => span.to >= shown[0] && span.from <= shown[1]);
}
