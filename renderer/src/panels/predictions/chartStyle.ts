/** Colours and shared props of the Predictions charts: readable on light and dark backgrounds alike. */
import type { TooltipValueType as ValueType } from 'recharts';
import { formatValue } from './predictFormat';

export const COLORS = {
  actual: '#3b82f6',
  predicted: '#f97316',
  band: '#f97316',
  anomaly: '#dc2626',
  diagonal: '#64748b',
} as const;

export const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };

export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };

/** Tooltip values: numbers readably, a range (the residual band) as "low – high". */
export function tooltipValue(value: ValueType | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'number' ? formatValue(v) : String(v))).join(' – ');
  return typeof value === 'number' ? formatValue(value) : String(value);
}
