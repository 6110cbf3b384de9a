/**
 * The details card's trend: counts per data interval as SVG polylines, one per run of values, so
 * an interval without rows shows as a gap rather than a line drawn through zero.
 */

export function sparklineSegments(values: readonly (number | null)[], width: number, height: number): string[] {
  const numbers = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (numbers.length === 0) return [];
  const min = Math.min(0, ...numbers);
  const max = Math.max(...numbers);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
      return;
    }
    const x = values.length > 1 ? index * step : width / 2;
    const y = height - ((value - min) / span) * height;
    current.push(`${round(x)},${round(y)}`);
  });
  if (current.length > 0) segments.push(current.join(' '));
  return segments;
}

const round = (value: number): number => Math.round(value * 10) / 10;
