/** The status line's words: which network is drawn, how big, over what window and measure. */
import type { GraphTopology, GraphView } from '../../../../shared/graph/graphContract';
import { formatCount } from '../../format';
import { windowLabel } from './legendFigures';

const plural = (count: number, one: string, many: string): string => `${formatCount(count)} ${count === 1 ? one : many}`;

/** "Sample city · junction-network.json · 10 junctions · 17 roads" — counts are what is drawn. */
export function networkSummary(view: GraphView, topology: GraphTopology | null): string {
  const junctions = topology?.nodes.length ?? view.network?.junctions ?? 0;
  const roads = topology ? topology.edges.filter((edge) => !edge.inferred).length : (view.network?.links ?? 0);
  const parts = view.network === null ? ['No road network'] : [...(view.network.name ? [view.network.name] : []), view.network.source];
  parts.push(plural(junctions, 'junction', 'junctions'));
  if (view.network !== null || roads > 0) parts.push(plural(roads, 'road', 'roads'));
  if (view.inferredLinks > 0) parts.push(plural(view.inferredLinks, 'inferred link', 'inferred links'));
  return parts.join(' · ');
}

/** "window 1 h · load = Total" */
export function windowSummary(view: GraphView): string {
  return `window ${windowLabel(view.settings.windowMinutes)} · load = ${view.measure ?? 'row count'}`;
}
