/**
 * Sequential colour scales for the graph. Load runs light yellow → dark red (ColorBrewer YlOrRd):
 * lightness falls as load rises, so the order reads without colour vision too; nodes carry a thin
 * outline in the theme's text colour, which keeps the pale end visible on a light background and
 * the dark end on a dark one. Congestion runs from a calm slate to red through amber.
 */

export const LOAD_STOPS: readonly string[] = ['#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];
export const CONGESTION_STOPS: readonly string[] = ['#7b8ba1', '#e3a008', '#d62728'];

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const toHex = (value: number): string => Math.round(value).toString(16).padStart(2, '0');

/** The colour at `t` (0…1, clamped) along the stops, interpolated in sRGB between neighbours. */
export function colourAt(stops: readonly string[], t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (stops.length - 1);
  const index = Math.min(stops.length - 2, Math.floor(position));
  const [r1, g1, b1] = channels(stops[index] ?? '#000000');
  const [r2, g2, b2] = channels(stops[index + 1] ?? stops[index] ?? '#000000');
  const f = position - index;
  return `#${toHex(r1 + (r2 - r1) * f)}${toHex(g1 + (g2 - g1) * f)}${toHex(b1 + (b2 - b1) * f)}`;
}
