/** The over-time chart's tooltip: the point under the pointer, beside it (left of it past the middle, so it stays inside). */
import type { TimePoint } from './chartData';
import { TOOLTIP_STYLE } from './chartStyle';
import { formatPointTime, formatValue } from './predictFormat';

interface Props {
  point: TimePoint;
  hasTime: boolean;
  /** Fraction of the plot's width the pointer is at. */
  at: number;
  plotLeft: number;
  plotRight: number;
}

export function PointTooltip({ point, hasTime, at, plotLeft, plotRight }: Props): React.JSX.Element {
  const left = `calc(${plotLeft}px + ${at} * (100% - ${plotLeft + plotRight}px) + 12px)`;
  const side = { left, transform: at > 0.5 ? 'translateX(calc(-100% - 24px))' : undefined };
  return (
    <div className="predict-point-tooltip" role="tooltip" data-testid="predict-chart-tooltip" style={{ ...TOOLTIP_STYLE, ...side }}>
      <div className="predict-point-time" data-testid="predict-chart-tooltip-time">
        {formatPointTime(point.x, hasTime)}
      </div>
      <div>Actual: {formatValue(point.actual)}</div>
      <div>Predicted: {formatValue(point.predicted)}</div>
      <div>
        Expected range: {formatValue(point.band[0])} – {formatValue(point.band[1])}
      </div>
    </div>
  );
}
