/** The graph's state, which network is drawn and over what window, and the network and settings controls. */
import type { GraphTopology, GraphView } from '../../../../shared/graph/graphContract';
import { useView } from '../../store/viewStore';
import { GraphSettings } from './GraphSettings';
import { LoadNetworkButton } from './LoadNetworkButton';
import { graphActions } from './graphActions';
import { graphBadge } from './graphStateLabel';
import { networkSummary, windowSummary } from './graphStatusLine';

export function GraphStatus({ view, topology }: { view: GraphView; topology: GraphTopology | null }): React.JSX.Element {
  const replayState = useView((s) => s.replay?.state ?? null);
  const monitoring = useView((s) => s.bus?.monitoring ?? false);
  const badge = graphBadge(view.state, replayState, monitoring);
  return (
    <div className="graph-status">
      <div className="graph-status-line">
        <span className={`state graph-state-${badge.tone}`} data-testid="graph-state">
          {badge.label}
        </span>
        <span data-testid="graph-summary">{networkSummary(view, topology)}</span>
        <span className="muted" data-testid="graph-window">
          {windowSummary(view)}
        </span>
        <span className="graph-message" role="status" data-testid="graph-message">
          {view.message ?? badge.hint}
        </span>
      </div>
      <div className="graph-status-controls" role="group" aria-label="Network and settings">
        <LoadNetworkButton />
        <button type="button" disabled={view.network === null} onClick={() => void graphActions.clearNetwork()}>
          Clear network
        </button>
        <GraphSettings settings={view.settings} numericColumns={view.numericColumns} measure={view.measure} />
      </div>
    </div>
  );
}
