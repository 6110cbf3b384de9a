/** A small line of the selected junction's counts per data interval; gaps where an interval had no rows. */
import { sparklineSegments } from './sparkline';

const WIDTH = 200;
const HEIGHT = 40;

export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }): React.JSX.Element {
  const segments = sparklineSegments(values, WIDTH, HEIGHT);
  return (
    <svg className="graph-sparkline" viewBox={`-2 -2 ${WIDTH + 4} ${HEIGHT + 4}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="junction-trend">
      {segments.map((points) => (
        <polyline key={points} points={points} />
      ))}
      {segments.length === 0 && (
        <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle">
          no counts yet
        </text>
      )}
    </svg>
  );
}
