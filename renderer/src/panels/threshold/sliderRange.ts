/** The slider spans what was observed (and the current value), with whole steps for counts. */
export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

export function sliderRange(observedMin: number | null, observedMax: number | null, value: number): SliderRange {
  if (observedMin === null || observedMax === null) return { min: Math.min(0, value), max: Math.max(100, value), step: 1 };
  const min = Math.min(observedMin, value);
  const max = Math.max(observedMax, value, min + 1);
  const integral = Number.isInteger(min) && Number.isInteger(max) && Number.isInteger(value);
  return { min, max, step: integral ? 1 : (max - min) / 1000 };
}
