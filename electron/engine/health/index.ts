/** The detector-health checker's public surface, for the pipeline and the page's data. */
export { createHealthChecker, HealthChecker, NO_LOCATION, WHOLE_FILE, type HealthSchema } from './healthChecker';
export { DEFAULT_HEALTH_OPTIONS, resolveHealthOptions, type HealthOptions } from './healthOptions';
export { flagsToCsv, writeFlagsCsv, FLAG_CSV_FIELDS } from './flagsCsv';
export { formatTime } from './describe';
