/**
 * The scatter's points as one SVG path of small circles, drawn with the chart's own scales: a
 * thousand points redrawn four times a second as one element instead of a thousand.
 */
import { useXAxisScale, useYAxisScale } from 'recharts';
import type { PredictSeries } from '../../../../shared/predict/predictContract';
import { dotsPath } from './chartData';

export function ScatterDots({ pairs, color }: { pairs: PredictSeries['scatter']; color: string }): React.JSX.Element | null {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const points: { x: number; y: number }[] = [];
  for (const pair of pairs) {
    const x = xScale(pair.actual);
    const y = yScale(pair.predicted);
    if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) points.push({ x, y });
  }
  return <path className="predict-scatter-points" d={dotsPath(points)} fill={color} fillOpacity={0.45} data-points={points.length} />;
}
