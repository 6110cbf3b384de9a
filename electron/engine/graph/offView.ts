/**
 * The Junction graph view before its panel is first opened. The feed counts loads all along, but
 * the topology, loads and analytics are built only for an open panel: until then only the
 * settings, the measure the counts use, and a line saying why the panel is empty.
 */
import { GRAPH_HISTORY_SLOTS, type GraphSettings, type GraphView } from '../../../shared/graph/graphContract';

export function offView(settings: GraphSettings, measure: string | null): GraphView {
  return {
    state: 'off',
    message: 'The junction graph is drawn once its panel is open.',
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
