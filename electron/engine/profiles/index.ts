/** What the rest of the engine may use from profiles/: other folders import it only through this file. */
export { CadenceEstimator } from './cadence';
export { dayNumber, weekdayMondayFirst } from './calendarBins';
export type { DeviationOptions } from './deviation';
export { locationOf, readingOf } from './measureReading';
export type { ProfileColumns } from './measureReading';
export { RecentValues } from './recentValues';
export { TypicalDay } from './typicalDay';
