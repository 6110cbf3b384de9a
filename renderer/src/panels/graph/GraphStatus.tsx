/** The graph's state, which network is drawn and over what window, and the network and settings controls. */
import type { GraphState, GraphTopology, GraphView } from '../../../../shared/graph/graphContract';
import { GraphSettings } from './GraphSettings';
import { LoadNetworkButton } from './LoadNetworkButton';
import { graphActions } from './graphActions';
import { networkSummary, windowSummary } from './graphStatusLine';

const STATE_LABELS: Record<GraphState, string> = { off: 'Off', waiting: 'Waiting', live: 'Live' };

/** Said when the engine sends no message of its own. */
const STATE_HINTS: Record<GraphState, string> = {
  off: 'Starting the graph…',
  waiting: 'Waiting for rows: start a replay.',
  live: 'Loads follow the replay.',
};

export function GraphStatus({ view, topology }: { view: GraphView; topology: GraphTopology | null }): React.JSX.Element {
  return (
    <div className="graph-status">
      <div className="graph-status-line">
        <span className={`graph-state graph-state-${view.state}`} data-testid="graph-state">
          {STATE_LABELS[view.state]}
        </span>
        <span data-testid="graph-summary">{networkSummary(view, topology)}</span>
        <span className="muted" data-testid="graph-window">
          {windowSummary(view)}
        </span>
        <span className="graph-message" role="status" data-testid="graph-message">
          {view.message ?? STATE_HINTS[view.state]}
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
