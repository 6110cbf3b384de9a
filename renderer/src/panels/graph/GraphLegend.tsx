/** What the sizes, colours and marks on the canvas mean, with the figures of the current scale. */
import { useId } from 'react';
import type { GraphLoads } from '../../../../shared/graph/graphContract';
import { CONGESTION_STOPS, LOAD_STOPS } from './colorScale';
import { legendFigures } from './legendFigures';

function Ramp({ stops, label }: { stops: readonly string[]; label: string }): React.JSX.Element {
  const id = useId();
  return (
    <svg className="graph-ramp" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={label}>
      <defs>
        <linearGradient id={id}>
          {stops.map((stop, index) => (
            <stop key={stop} offset={index / (stops.length - 1)} stopColor={stop} />
          ))}
        </linearGradient>
      </defs>
      <rect width="100" height="10" rx="2" fill={`url(#${id})`} />
    </svg>
  );
}

interface Props {
  loads: GraphLoads | null;
  measure: string | null;
  windowMinutes: number;
  /** Roads of a large graph keep one width (see graphStyle): the legend must not promise width. */
  large: boolean;
}

export function GraphLegend({ loads, measure, windowMinutes, large }: Props): React.JSX.Element {
  const figures = legendFigures(loads, measure, windowMinutes);
  return (
    <section className="graph-legend" aria-label="Legend">
      <div className="graph-legend-scale">
        <span className="graph-legend-title">{figures.loadTitle} (size and colour)</span>
        <span data-testid="legend-load-min">{figures.loadMin}</span>
        <Ramp stops={LOAD_STOPS} label="Load scale, light (low) to dark red (high)" />
        <span data-testid="legend-load-max">{figures.loadMax}</span>
      </div>
      <div className="graph-legend-scale">
        <span className="graph-legend-title" data-testid="legend-congestion-title">
          Road congestion ({large ? 'colour' : 'width and colour'})
        </span>
        <span>{figures.congestionMin}</span>
        <Ramp stops={CONGESTION_STOPS} label="Congestion scale, slate (free) to red (over capacity)" />
        <span>{figures.congestionMax}</span>
        <span className="graph-legend-note" data-testid="legend-capacity">
          {figures.capacity}
        </span>
      </div>
      <ul className="graph-legend-marks">
        <li>
          <span className="graph-mark graph-mark-passing" aria-hidden="true" /> newest row passes the threshold filter
        </li>
        <li>
          <span className="graph-mark graph-mark-nodata" aria-hidden="true" /> in network, no data
        </li>
        <li>
          <span className="graph-mark graph-mark-inferred" aria-hidden="true" /> inferred link (counts correlate)
        </li>
        <li>
          <span className="graph-mark graph-mark-route" aria-hidden="true" /> route
        </li>
      </ul>
    </section>
  );
}
