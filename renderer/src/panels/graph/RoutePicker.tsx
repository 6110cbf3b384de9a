/**
 * Shortest route between two junctions, weighted by road length × congestion; the engine keeps it
 * up to date as congestion changes and the canvas outlines it.
 */
import { memo, useState } from 'react';
import type { GraphNode, GraphPath } from '../../../../shared/graph/graphContract';
import { formatCount, formatNumber } from '../../format';
import { graphActions } from './graphActions';

const label = (node: GraphNode): string => (node.name ? `${node.id} · ${node.name}` : node.id);

function routeSummary(path: GraphPath): string {
  if (path.nodes.length === 0) return path.message ?? `No route joins ${path.from} and ${path.to}.`;
  const parts = [`${path.nodes.length} junctions`];
  if (path.lengthM !== null) parts.push(path.lengthM >= 1000 ? `${formatNumber(path.lengthM / 1000)} km` : `${formatCount(path.lengthM)} m`);
  if (path.cost !== null) parts.push(`cost ${formatCount(path.cost)}`);
  if (path.message) parts.push(path.message);
  return parts.join(' · ');
}

/** A thousand options are diffed only when the junctions change, not with every view update. */
const JunctionOptions = memo(function JunctionOptions({ nodes }: { nodes: readonly GraphNode[] }): React.JSX.Element {
  return (
    <>
      <option value="">–</option>
      {nodes.map((node) => (
        <option key={node.id} value={node.id}>
          {label(node)}
        </option>
      ))}
    </>
  );
});

export function RoutePicker({ nodes, path }: { nodes: readonly GraphNode[]; path: GraphPath | null }): React.JSX.Element {
  const [from, setFrom] = useState(path?.from ?? '');
  const [to, setTo] = useState(path?.to ?? '');
  const ready = from !== '' && to !== '' && from !== to;
  return (
    <section className="graph-route" aria-label="Shortest route">
      <h3>Shortest route</h3>
      <div className="graph-route-controls">
        <label>
          From
          <select value={from} onChange={(event) => setFrom(event.target.value)}>
            <JunctionOptions nodes={nodes} />
          </select>
        </label>
        <label>
          To
          <select value={to} onChange={(event) => setTo(event.target.value)}>
            <JunctionOptions nodes={nodes} />
          </select>
        </label>
        <button type="button" className="primary" disabled={!ready} onClick={() => void graphActions.setRoute({ from, to })}>
          Route
        </button>
        <button type="button" disabled={path === null} onClick={() => void graphActions.setRoute(null)}>
          Clear route
        </button>
      </div>
      {path && (
        <p className="graph-route-summary" data-testid="route-summary">
          {path.nodes.length > 0 ? `${path.from} → ${path.to}: ` : ''}
          {routeSummary(path)}
        </p>
      )}
    </section>
  );
}
