/**
 * The Junction graph view before its panel is first opened. The feed counts nothing until then,
 * so there is no graph to show: only the settings, the measure the counts would use, and a line
 * saying why the panel is empty.
 */
import { GRAPH_HISTORY_SLOTS, type GraphSettings, type GraphView } from '../../../shared/graph/graphContract';

export function offView(settings: GraphSettings, measure: string | null): GraphView {
  return {
    state: 'off',
    message: 'The junction graph counts loads from the moment its panel is open.',
    settings,
    measure,
    numericColumns: [],
    locationColumn: null,
    network: null,
    problems: [],
    problemCount: 0,
    topology: null,
    topologyVersion: 0,
    loads: null,
    analytics: null,
    analyticsVersion: 0,
    analyticsRunning: false,
    path: null,
    selected: null,
    inferredLinks: 0,
    correlationSlots: GRAPH_HISTORY_SLOTS,
  };
}
