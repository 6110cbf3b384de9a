/**
 * The Predictions panel's exports as CSV: every held forecast (time, location, actual, forecast,
 * band, anomaly flag) and the anomalies among them. Times are written as the page shows them (the
 * file's wall clock, see formatTime), so a forecast row can be found again in the source file; a
 * file without event times gets the row's sequence number instead.
 */
import type { PredictExport } from '../../../shared/predict/predictContract';
import { csvLine } from '../export';
import type { LocationSeries, ScoredPoint } from './locationSeries';

export const FORECAST_COLUMNS = ['time', 'location', 'actual', 'predicted', 'band_low', 'band_high', 'anomaly'] as const;
export const ANOMALY_COLUMNS = ['time', 'location', 'actual', 'predicted', 'band_low', 'band_high', 'z'] as const;

/** An export goes to its file in pieces of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

const pad = (value: number): string => String(value).padStart(2, '0');

/** Event time (epoch ms of the file's wall clock, kept as UTC) as "2026-10-08 06:15:00"; a sequence number as it is. */
export function exportTime(time: number, hasTime: boolean): string | number {
  if (!hasTime) return time;
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function exportHeader(what: PredictExport): string {
  return csvLine(what === 'forecasts' ? FORECAST_COLUMNS : ANOMALY_COLUMNS);
}

/**
 * One point as a line of the export; an anomaly's z (residual in σ) is NaN for an ordinary point.
 * A band of no width is written empty: the location had no misses yet to judge by (nothing can
 * be flagged then), and "low = high = predicted" would read as a promise of an exact forecast.
 */
export function exportLine(what: PredictExport, location: string, point: Readonly<ScoredPoint>, hasTime: boolean): string {
  const banded = point.upper > point.lower;
  const common = [exportTime(point.time, hasTime), location, point.actual, point.predicted, banded ? point.lower : null, banded ? point.upper : null];
  const anomaly = !Number.isNaN(point.anomalyZ);
  return csvLine(what === 'forecasts' ? [...common, anomaly ? 'true' : 'false'] : [...common, Number(point.anomalyZ.toFixed(3))]);
}

export interface ExportSource {
  series: LocationSeries;
  /** Location names by the series' index. */
  names: readonly string[];
  hasTime: boolean;
}

/**
 * Writes every location's held forecasts (location by location, each oldest first), or the
 * anomalies among them (by time, then location), as CSV through `write`, in chunks. Returns the
 * data rows written.
 */
export function writePredictExport(what: PredictExport, source: ExportSource, write: (text: string) => void): number {
  const { series, names, hasTime } = source;
  let chunk = exportHeader(what);
  let rows = 0;
  const add = (line: string): void => {
    chunk += line;
    rows++;
    if (chunk.length >= CHUNK_CHARS) {
      write(chunk);
      chunk = '';
    }
  };
  if (what === 'forecasts') {
    names.forEach((name, index) => series.forEachHeld(index, (point) => add(exportLine(what, name, point, hasTime))));
  } else {
    // Anomalies are few (the band promises about 0.3 %), so they can be gathered and sorted.
    const flagged: { name: string; point: ScoredPoint }[] = [];
    names.forEach((name, index) =>
      series.forEachHeld(index, (point) => {
        if (!Number.isNaN(point.anomalyZ)) flagged.push({ name, point: { ...point } });
      }),
    );
    flagged.sort((a, b) => a.point.time - b.point.time || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, point } of flagged) add(exportLine(what, name, point, hasTime));
  }
  write(chunk);
  return rows;
}
