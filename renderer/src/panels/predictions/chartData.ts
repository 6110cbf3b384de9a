/**
 * The series as recharts wants it: one record per point with the residual band as a [lower,
 * upper] pair (a range Area), anomaly markers on the actual line, and the extent of the y = x
 * line for the predicted-against-actual scatter.
 */
import type { Anomaly, PredictSeries } from '../../../../shared/predict/predictContract';

export interface TimePoint {
  x: number;
  actual: number;
  predicted: number;
  band: [number, number];
}

export interface AnomalyMark {
  x: number;
  actual: number;
  predicted: number;
  z: number;
}

export function timePoints(series: PredictSeries): TimePoint[] {
  return series.points.map((p) => ({ x: p.time, actual: p.actual, predicted: p.predicted, band: [p.lower, p.upper] }));
}

export function anomalyMarks(series: PredictSeries): AnomalyMark[] {
  return series.anomalies.map((a) => ({ x: a.time, actual: a.actual, predicted: a.predicted, z: a.z }));
}

/** Time (or row) span the points cover, for choosing tick labels. */
export function timeSpan(points: readonly TimePoint[]): number {
  const first = points[0];
  const last = points[points.length - 1];
  return first && last ? last.x - first.x : 0;
}

/** A round step giving about `ticks` intervals over `span`: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, ticks: number): number {
  const raw = span / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  return (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
}

const round = (value: number): number => Number(value.toPrecision(12));

export interface ScatterAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * One axis for both sides of the scatter, so y = x is the diagonal: padded, on round numbers,
 * with its ticks (recharts' own ticks for a fixed domain fall on odd values); null without points.
 */
export function scatterAxis(pairs: PredictSeries['scatter']): ScatterAxis | null {
  if (pairs.length === 0) return null;
  let low = Infinity;
  let high = -Infinity;
  for (const { actual, predicted } of pairs) {
    low = Math.min(low, actual, predicted);
    high = Math.max(high, actual, predicted);
  }
  if (!Number.isFinite(low) || !Number.isFinite(high)) return null;
  const pad = high > low ? (high - low) * 0.03 : Math.max(1, Math.abs(high) * 0.05);
  const step = niceStep(high - low + 2 * pad, 7);
  const first = Math.floor((low - pad) / step);
  const last = Math.ceil((high + pad) / step);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => round((first + i) * step));
  return { domain: [round(first * step), round(last * step)], ticks };
}

/** The anomalies list shows the newest first, whatever order they came in. */
export function newestFirst(anomalies: readonly Anomaly[]): Anomaly[] {
  return anomalies.slice().sort((a, b) => b.time - a.time);
}

/** Radius of a scatter dot in pixels. */
const DOT_RADIUS = 2.5;

/** "M x,y a r,r …": one closed circle (two arcs) per point, for drawing the whole scatter as one path. */
export function dotsPath(points: readonly { x: number; y: number }[], r = DOT_RADIUS): string {
  const parts: string[] = [];
  for (const { x, y } of points) parts.push(`M${(x - r).toFixed(1)},${y.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
  return parts.join('');
}
