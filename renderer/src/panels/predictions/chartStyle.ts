/** Colours and shared props of the Predictions charts: readable on light and dark backgrounds alike. */

export const COLORS = {
  actual: '#3b82f6',
  predicted: '#f97316',
  band: '#f97316',
  anomaly: '#dc2626',
  diagonal: '#64748b',
} as const;

export const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };

export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };
/** Width of the value axis: with the margin, where the plot starts (the pointer layer sits over the plot alone). */
export const Y_AXIS_WIDTH = 56;
