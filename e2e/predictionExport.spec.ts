/**
 * The Predictions panel's CSV exports in the browser: after a replay of the sample city, the
 * forecasts download holds one row per scored row of the file (checked against the sample file
 * itself, read with a second CSV parser), each with the file's own Total as its actual value, and
 * the anomalies download is exactly the flagged rows, each outside its band.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures';
import { forecastTheSample } from './pages/predictionsPanel';
import { parseCount } from './pages/trafficMonitorPage';

const SAMPLE = resolve(__dirname, '..', 'sample-data', 'traffic-sample.csv');
/** The panel's default history: the file's first 7 days train the model and are not scored. */
const HISTORY_DAYS = 7;

/** "1:15:00 PM" → "13:15:00". */
function clock24(time: string): string {
  const match = /^(\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(time);
  if (!match) throw new Error(`not a 12-hour time: ${time}`);
  const hour = (Number(match[1]) % 12) + (match[4] === 'PM' ? 12 : 0);
  return `${String(hour).padStart(2, '0')}:${match[2]}:${match[3]}`;
}

/** The sample's rows after the history days, by "day-of-month time|junction" → Total. */
function scoredSampleRows(): Map<string, number> {
  const records = parse(readFileSync(SAMPLE, 'utf8'), { columns: true }) as Record<string, string>[];
  const rows = new Map<string, number>();
  for (const record of records) {
    if (Number(record.Date) <= HISTORY_DAYS) continue;
    rows.set(`${String(record.Date).padStart(2, '0')} ${clock24(record.Time ?? '')}|${record.Junction}`, Number(record.Total));
  }
  return rows;
}

test('forecasts and anomalies download as CSV: one row per scored row of the file, anomalies all flagged', async ({ app }) => {
  const expected = scoredSampleRows();
  const predictions = await forecastTheSample(app, expected.size);

  const forecasts = await predictions.download(predictions.exportForecastsButton);
  expect(forecasts.name).toBe('forecasts.csv');
  const rows = parse(forecasts.text, { columns: true }) as Record<string, string>[];
  expect(Object.keys(rows[0] ?? {})).toEqual(['time', 'location', 'actual', 'predicted', 'band_low', 'band_high', 'anomaly']);
  expect(rows).toHaveLength(expected.size);
  // Every row is a row of the file after the history (by day, time and junction), with the file's Total, none twice;
  // flagged exactly when the actual value lies outside the band (no band yet: never flagged). Checked
  // in plain code and asserted once: an expect per row of 20,160 costs minutes.
  const months = new Set<string>();
  const seen = new Set<string>();
  const wrong: string[] = [];
  for (const row of rows) {
    const time = String(row.time);
    months.add(time.slice(0, 7));
    const key = `${time.slice(8)}|${row.location}`;
    if (expected.get(key) !== Number(row.actual)) wrong.push(`${key}: actual ${row.actual}, file ${expected.get(key)}`);
    if (seen.has(key)) wrong.push(`${key}: twice`);
    seen.add(key);
    const outside = row.band_low !== '' && (Number(row.actual) < Number(row.band_low) || Number(row.actual) > Number(row.band_high));
    if (row.anomaly !== (outside ? 'true' : 'false')) wrong.push(`${key}: anomaly ${row.anomaly}, band ${row.band_low}…${row.band_high}`);
  }
  expect(wrong.slice(0, 10)).toEqual([]);
  expect(months.size).toBe(1);

  const anomalies = await predictions.download(predictions.exportAnomaliesButton);
  expect(anomalies.name).toBe('anomalies.csv');
  const listed = parse(anomalies.text, { columns: true }) as Record<string, string>[];
  const flagged = rows.filter((row) => row.anomaly === 'true');
  expect(flagged.length).toBeGreaterThan(0);
  const identity = (row: Record<string, string>): string => [row.time, row.location, row.actual, row.predicted, row.band_low, row.band_high].join(',');
  expect(listed.map(identity).sort()).toEqual(flagged.map(identity).sort());
  // The sample's anomalies all fit in what is held, so the list has as many as the panel counts.
  const count = /^([\d,]+) in total/.exec((await predictions.anomalyCount.textContent()) ?? '');
  expect(parseCount(count?.[1] ?? '')).toBe(listed.length);
});
