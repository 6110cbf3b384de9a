/**
 * The resizable workspace under the toolbar: the side column beside the Live Feed and the analysis
 * dock, each of the two hideable (layout store). Panels that come and go need an `id` and `order`
 * so react-resizable-panels keeps one saved layout per combination and restores the sizes the
 * user dragged when the panel comes back, and after a restart.
 */
import { Panel, PanelGroup, PanelResizeHandle } from 'react-resizable-panels';
import { useLayout } from '../store/layoutStore';
import { AnalysisDock } from './AnalysisDock';
import { LiveFeedPanel } from '../panels/feed/LiveFeedPanel';
import { KafkaPanel } from '../panels/kafka/KafkaPanel';
import { RejectedPanel } from '../panels/rejected/RejectedPanel';
import { SchemaPanel } from '../panels/schema/SchemaPanel';
import { ThresholdPanel } from '../panels/threshold/ThresholdPanel';

export function Workspace(): React.JSX.Element {
  const sidePanelsVisible = useLayout((s) => s.sidePanelsVisible);
  const dockVisible = useLayout((s) => s.dockVisible);
  return (
    <PanelGroup direction="horizontal" className="workspace" autoSaveId="traffic-monitor.layout">
      {sidePanelsVisible && (
        <>
          <Panel id="side-column" order={1} defaultSize={30} minSize={18} className="side-column" data-testid="side-column">
            <ThresholdPanel />
            <KafkaPanel />
            <SchemaPanel />
            <RejectedPanel />
          </Panel>
          <PanelResizeHandle className="resize-handle" aria-label="Resize panels" />
        </>
      )}
      <Panel id="main-column" order={2} defaultSize={70} minSize={30}>
        <PanelGroup direction="vertical" autoSaveId="traffic-monitor.main-column">
          <Panel id="feed" order={1} defaultSize={55} minSize={15}>
            <LiveFeedPanel />
          </Panel>
          {dockVisible && (
            <>
              <PanelResizeHandle className="resize-handle" aria-label="Resize feed and dock" />
              <Panel id="dock" order={2} defaultSize={45} minSize={15}>
                <AnalysisDock />
              </Panel>
            </>
          )}
        </PanelGroup>
      </Panel>
    </PanelGroup>
  );
}
