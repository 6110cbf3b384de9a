/**
 * The Junction graph panel: the locations of the data as junctions, the roads of a network file
 * between them, each sized and coloured by its current load; analytics, routes and a details card
 * beside. The engine computes everything; this panel draws what it sends and sends commands.
 * Opening it is what starts the load counting.
 */
import { useEffect } from 'react';
import type { GraphNode } from '../../../../shared/graph/graphContract';
import { useView } from '../../store/viewStore';
import { AnalyticsTable } from './AnalyticsTable';
import { GraphCanvas } from './GraphCanvas';
import { GraphLegend } from './GraphLegend';
import { GraphStatus } from './GraphStatus';
import { JunctionCard } from './JunctionCard';
import { ProblemList } from './ProblemList';
import { RoutePicker } from './RoutePicker';
import { graphActions } from './graphActions';
import { isLargeGraph } from './graphStyle';
import { useGraphPanel } from './graphPanelStore';
import './graph.css';

const NO_NODES: readonly GraphNode[] = [];

function GraphNotice(): React.JSX.Element | null {
  const notice = useGraphPanel((s) => s.notice);
  const setNotice = useGraphPanel((s) => s.setNotice);
  if (notice === null) return null;
  return (
    <p className="graph-notice" role="alert" data-testid="graph-notice">
      {notice}
      <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
        ×
      </button>
    </p>
  );
}

export function GraphPanel(): React.JSX.Element {
  const view = useView((s) => s.graph);
  const filePath = useView((s) => s.file?.path ?? null);
  useEffect(() => {
    void graphActions.open();
  }, []);
  // A failure of a command about the previous file says nothing about this one.
  useEffect(() => {
    useGraphPanel.getState().setNotice(null);
  }, [filePath]);

  const topology = view?.topology ?? null;
  return (
    <section className="graph-panel" aria-label="Junction graph">
      {view === null ? <p className="empty">The graph starts once a file is open.</p> : <GraphStatus view={view} topology={topology} />}
      <GraphNotice />
      {view && <ProblemList problems={view.problems} count={view.problemCount} />}
      <div className="graph-body">
        <div className="graph-main">
          <GraphCanvas topology={topology} loads={view?.loads ?? null} path={view?.path ?? null} chosen={view?.selected?.id ?? null} />
          <GraphLegend loads={view?.loads ?? null} measure={view?.measure ?? null} windowMinutes={view?.settings.windowMinutes ?? 60}
            large={isLargeGraph(topology?.nodes.length ?? 0)}
          />
        </div>
        {view && (
          <div className="graph-side">
            {view.selected && <JunctionCard junction={view.selected} measure={view.measure} />}
            {/* Keyed by file: the picker's From/To name junctions of the file they were chosen in. */}
            <RoutePicker key={filePath ?? ''} nodes={topology?.nodes ?? NO_NODES} path={view.path} />
            <AnalyticsTable topology={topology} loads={view.loads} analytics={view.analytics} running={view.analyticsRunning} chosen={view.selected?.id ?? null} />
          </div>
        )}
      </div>
    </section>
  );
}
