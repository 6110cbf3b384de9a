/**
 * Which model inputs a fit may use, given the time the training rows span. Fitted on a fraction of
 * its cycle, a sin/cos pair is just a smooth curve through a few hours of data, and the model
 * extrapolates it wildly over the rest of the day (a first fit on 00:00–04:00 forecasting 900 cars
 * at 08:00 where there are 90). So the time-of-day terms join the fit only once the training rows
 * span most of a day, the day-of-week terms once they span most of a week; until then their
 * coefficients are 0 and the lags carry the forecast. A history of a week or more covers both from
 * the first fit.
 */
import type { ModelSettings } from '../../../shared/predict/predictContract';
import type { FeatureLayout } from './featureLayout';
import { fitRegression, type DesignPart, type RegressionFit } from './fitRegression';
import { DAY_MS } from './timeFeatures';

/** "Most of a cycle": 90% (a day of 15-minute rows spans 23:45, not 24 hours). */
const COVERED_SHARE = 0.9;
const TIME_OF_DAY_SPAN_MS = COVERED_SHARE * DAY_MS;
const DAY_OF_WEEK_SPAN_MS = COVERED_SHARE * 7 * DAY_MS;

/** Positions of the layout's columns the fit may use when the training rows span `spanMs` of event time. */
export function coveredColumns(layout: FeatureLayout, spanMs: number): number[] {
  const timeOfDayWidth = layout.timeOfDay ? 4 : 0;
  const dayOfWeekWidth = layout.dayOfWeek ? 3 : 0;
  const useTimeOfDay = spanMs >= TIME_OF_DAY_SPAN_MS;
  const useDayOfWeek = spanMs >= DAY_OF_WEEK_SPAN_MS;
  return Array.from({ length: layout.width }, (_, i) => i).filter((i) => {
    if (i < timeOfDayWidth) return useTimeOfDay;
    if (i < timeOfDayWidth + dayOfWeekWidth) return useDayOfWeek;
    return true;
  });
}

/** The fit on the columns the span supports, with coefficient 0 for the others (one per layout column). */
export function fitCoveredColumns(parts: readonly DesignPart[], layout: FeatureLayout, model: ModelSettings, spanMs: number): RegressionFit {
  const columns = coveredColumns(layout, spanMs);
  const fit = fitRegression(parts, layout.width, model, columns);
  if (columns.length === layout.width) return fit;
  const coefficients = new Float64Array(layout.width);
  columns.forEach((column, i) => (coefficients[column] = fit.coefficients[i] as number));
  return { ...fit, coefficients };
}
