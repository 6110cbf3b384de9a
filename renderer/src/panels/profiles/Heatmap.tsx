/** Mean of the main measure by time of day (columns) × day of week (rows, Monday first), with its colour scale. */
import { WEEKDAYS_MONDAY_FIRST, type HeatmapView } from '../../../../shared/profiles/profileContract';
import { binStart, cellLabel, formatMean, heatColor, LEGEND_GRADIENT, meanRange } from './heatmapScale';

export function Heatmap({ view }: { view: HeatmapView }): React.JSX.Element {
  const range = meanRange(view);
  const bins = Array.from({ length: view.binsPerDay }, (_, bin) => bin);
  // A header every few bins keeps the labels readable at 24 or 96 bins alike.
  const labelEvery = Math.max(1, Math.round(view.binsPerDay / 8));
  const where = view.location === null ? 'all locations' : view.location;
  return (
    <div>
      <table className="heatmap-table" aria-label={`Heatmap: mean ${view.measure} by time of day and day of week, ${where}`}>
        <thead>
          <tr>
            <th scope="col" style={{ width: '2.5rem' }}>
              <span className="visually-hidden">Day</span>
            </th>
            {bins.map((bin) => (
              <th scope="col" key={bin} aria-label={binStart(bin, view.binMinutes)}>
                {bin % labelEvery === 0 ? binStart(bin, view.binMinutes).slice(0, 2) : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS_MONDAY_FIRST.map((day, d) => (
            <tr key={day}>
              <th scope="row" aria-label={day}>
                {day.slice(0, 3)}
              </th>
              {bins.map((bin) => {
                const mean = view.mean[d * view.binsPerDay + bin] ?? null;
                const label = cellLabel(view, d, bin);
                return (
                  <td
                    key={bin}
                    title={label}
                    aria-label={label}
                    data-day={d}
                    data-bin={bin}
                    data-mean={mean ?? ''}
                    className={mean === null ? 'heatmap-empty' : undefined}
                    style={mean === null || range === null ? undefined : { background: heatColor(mean, range.min, range.max) }}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="heatmap-legend" aria-label="Colour scale">
        <span>{range ? formatMean(range.min) : '–'}</span>
        <span className="heatmap-legend-bar" style={{ background: LEGEND_GRADIENT }} />
        <span>{range ? formatMean(range.max) : '–'}</span>
        <span>
          mean {view.measure} per {view.binMinutes >= 60 ? `${view.binMinutes / 60} h` : `${view.binMinutes} min`} (hours of the day across, UTC wall clock as in the file)
        </span>
      </div>
    </div>
  );
}
