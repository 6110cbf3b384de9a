/**
 * Actual and predicted values of the selected location over time (or row number), the residual
 * band around the forecast (a range Area), and the anomalies marked on the actual line. Updates
 * arrive up to four times a second, so nothing animates.
 */
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { PredictSeries } from '../../../../shared/predict/predictContract';
import { formatCount } from '../../format';
import { anomalyMarks, timePoints, timeSpan } from './chartData';
import { CHART_MARGIN, COLORS, TOOLTIP_STYLE, tooltipValue } from './chartStyle';
import { formatPointTime, formatValue, timeTick } from './predictFormat';

interface Props {
  series: PredictSeries;
  target: string;
  hasTime: boolean;
  anomalyK: number;
}

/** Memoised: the series keeps its identity while the engine says it is unchanged, so those updates redraw nothing. */
export const OverTimeChart = memo(function OverTimeChart({ series, target, hasTime, anomalyK }: Props): React.JSX.Element {
  const data = useMemo(() => timePoints(series), [series]);
  const marks = useMemo(() => anomalyMarks(series), [series]);
  const span = timeSpan(data);
  const tick = useMemo(() => (hasTime ? timeTick(span) : (value: number) => formatCount(value)), [hasTime, span]);
  return (
    <div className="predict-chart themed-chart" role="img" aria-label={`Actual and predicted ${target} over time at ${series.location}`} data-testid="predict-chart-time">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tickFormatter={tick} minTickGap={24} />
          <YAxis tickFormatter={(value: number) => formatValue(value)} width={56} />
          {/* Anomaly markers: visible on a dense line without hiding it. */}
          <ZAxis range={[24, 24]} />
          <Tooltip
            isAnimationActive={false}
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={(label) => (typeof label === 'number' ? formatPointTime(label, hasTime) : label)}
            formatter={(value) => tooltipValue(value)}
          />
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
          {/* Out of the shared tooltip: it pairs items by index, and the markers have their own data (the anomalies list has them). */}
          {marks.length > 0 && (
            <Scatter data={marks} dataKey="actual" name="Anomaly" className="predict-anomaly-marks" fill={COLORS.anomaly} tooltipType="none" isAnimationActive={false} />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
