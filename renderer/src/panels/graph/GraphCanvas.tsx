/**
 * Hosts the cytoscape canvas. The renderer is created once on mount and fed each change through
 * its own effect, so a load update touches only data, never the instance or the layout. A hover
 * tooltip names the junction (and says when the network lists it but the data has no rows).
 */
import { useEffect, useRef, useState } from 'react';
import type { GraphLoads, GraphPath, GraphTopology } from '../../../../shared/graph/graphContract';
import { useView } from '../../store/viewStore';
import { useLocationHealth } from '../quality/healthStatus';
import { graphActions } from './graphActions';
import { GraphRenderer, type GraphHover } from './graphRenderer';
import { onThemeChange, readGraphTheme } from './graphTheme';

interface Props {
  topology: GraphTopology | null;
  loads: GraphLoads | null;
  path: GraphPath | null;
  chosen: string | null;
}

export function GraphCanvas({ topology, loads, path, chosen }: Props): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const renderer = useRef<GraphRenderer | null>(null);
  const [hover, setHover] = useState<GraphHover | null>(null);
  // While another dock tab is shown the canvas has no size; restyling 4,000 elements four times a
  // second for nobody costs the visible tab most of its frames, so loads wait until it is shown.
  const [shown, setShown] = useState(true);

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    const created = new GraphRenderer(container, readGraphTheme(), { onTap: (id) => void graphActions.select(id), onHover: setHover });
    renderer.current = created;
    window.__junctionGraphProbe = created.probe();
    // The dock hides the tab with display:none; cytoscape must learn its size when it is shown again.
    const observer = new ResizeObserver(([entry]) => {
      const visible = (entry?.contentRect.width ?? 0) > 0 && (entry?.contentRect.height ?? 0) > 0;
      setShown(visible);
      if (visible) created.resize();
    });
    observer.observe(container);
    const stopTheme = onThemeChange(() => created.setTheme(readGraphTheme()));
    // Cytoscape caches where its container is on the page and refreshes that only on window resize
    // or scroll. When the panel's layout moves the canvas without resizing it (the side column or the
    // status line filling in), clicks would land beside the junction under the pointer; so the cache
    // is refreshed as the pointer comes in and before every press (capture phase: before cytoscape's).
    const refreshOffset = (): void => created.resize();
    container.addEventListener('pointerenter', refreshOffset, true);
    container.addEventListener('pointerdown', refreshOffset, true);
    return () => {
      container.removeEventListener('pointerenter', refreshOffset, true);
      container.removeEventListener('pointerdown', refreshOffset, true);
      stopTheme();
      observer.disconnect();
      delete window.__junctionGraphProbe;
      renderer.current = null;
      created.destroy();
    };
  }, []);

  useEffect(() => renderer.current?.setTopology(topology), [topology]);
  useEffect(() => {
    if (shown) renderer.current?.setLoads(loads);
  }, [loads, topology, shown]);
  useEffect(() => renderer.current?.setPath(path), [path, topology]);
  useEffect(() => renderer.current?.setChosen(chosen), [chosen, topology]);
  const health = useLocationHealth();
  const alarms = useView((s) => s.analysis?.alarms?.active);
  useEffect(() => {
    const statuses = new Map([...health].map(([id, location]) => [id, location.status]));
    renderer.current?.setStatuses(statuses, new Set((alarms ?? []).map((alarm) => alarm.location)));
  }, [health, alarms, topology]);

  const count = topology?.nodes.length ?? 0;
  return (
    <div className="graph-canvas-frame">
      <div
        className="graph-canvas"
        ref={host}
        data-testid="graph-canvas"
        role="img"
        aria-label={`Junction graph: ${count} junctions, ${topology?.edges.length ?? 0} links. Click a junction for its details.`}
      />
      {hover && (
        <div className="graph-tooltip" role="tooltip" style={{ left: hover.x, top: hover.y }}>
          {hover.label === hover.id ? hover.id : `${hover.label} (${hover.id})`}
          {!hover.inData && <span className="graph-tooltip-note">in network, no data</span>}
        </div>
      )}
      {topology === null && <p className="graph-canvas-empty empty">The graph appears once the data’s locations are known.</p>}
    </div>
  );
}
