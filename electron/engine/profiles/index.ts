/** What the rest of the engine may use from profiles/: other folders import it only through this file. */
export { CadenceEstimator, SeriesCadence } from './cadence';
export { binMinutesFor, dayNumber, weekdayMondayFirst } from './calendarBins';
export type { DeviationOptions } from './deviation';
export { locationOf, profileColumns, readingOf } from './measureReading';
export type { ProfileColumns } from './measureReading';
export { RecentValues } from './recentValues';
export { TimeOfWeekHeatmap } from './timeOfWeekHeatmap';
export { TypicalDay } from './typicalDay';
