/**
 * The newest scored rows of the selected location as (actual, predicted) points: a perfect model
 * puts them all on the y = x line; both axes share one domain so that line is the diagonal.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, ScatterChart, XAxis, YAxis } from 'recharts';
import type { PredictSeries } from '../../../../shared/predict/predictContract';
import { scatterAxis } from './chartData';
import { CHART_MARGIN, COLORS } from './chartStyle';
import { formatValue } from './predictFormat';
import { ScatterDots } from './ScatterDots';

const tick = (value: number): string => formatValue(value);

export const ActualVsPredictedChart = memo(function ActualVsPredictedChart({ series, target }: { series: PredictSeries; target: string }): React.JSX.Element {
  const axis = useMemo(() => scatterAxis(series.scatter), [series]);
  if (axis === null) {
    return (
      <p className="empty predict-chart-placeholder" data-testid="predict-chart-empty">
        No scored rows at {series.location} yet.
      </p>
    );
  }
  const { domain, ticks } = axis;
  const [low, high] = domain;
  return (
    <div className="predict-chart themed-chart" role="img" aria-label={`Predicted vs actual ${target} at ${series.location}`} data-testid="predict-chart-scatter">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ ...CHART_MARGIN, bottom: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="actual"
            name="Actual"
            domain={domain}
            ticks={ticks}
            allowDataOverflow
            tickFormatter={tick}
            label={{ value: `Actual ${target}`, position: 'insideBottom', offset: -10 }}
          />
          <YAxis type="number" dataKey="predicted" name="Predicted" domain={domain} ticks={ticks} allowDataOverflow tickFormatter={tick} width={56} label={{ value: 'Predicted', angle: -90, position: 'insideLeft' }} />
          <ReferenceLine
            segment={[
              { x: low, y: low },
              { x: high, y: high },
            ]}
            className="predict-diagonal"
            stroke={COLORS.diagonal}
            strokeDasharray="4 4"
            label={{ value: 'y = x', position: 'insideTopLeft' }}
          />
          <ScatterDots pairs={series.scatter} color={COLORS.predicted} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
});
