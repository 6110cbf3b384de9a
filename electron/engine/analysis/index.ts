/** The analysis stage's public surface (data quality, profiles, alarms), for the engine's composition root. */
export { AnalysisFeed } from './analysisFeed';
export { createAnalysisHandlers } from './analysisHandlers';
export { DEFAULT_ANALYSIS_SETTINGS } from './analysisStage';
