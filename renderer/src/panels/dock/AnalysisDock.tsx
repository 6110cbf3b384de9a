/** The dock under the Live Feed and its tabs; which one is open lives in the dock store. */
import { GraphPanel } from '../graph/GraphPanel';
import { PredictionsPanel } from '../predictions/PredictionsPanel';
import { SqlPanel } from '../sql/SqlPanel';
import { Dock, type DockTab } from './Dock';
import { useAnalysisDock, type AnalysisTabId } from './dockStore';

const TABS: readonly (DockTab & { id: AnalysisTabId })[] = [
  { id: 'sql', title: 'SQL', render: () => <SqlPanel /> },
  { id: 'predictions', title: 'Predictions', render: () => <PredictionsPanel /> },
  { id: 'graph', title: 'Junction graph', render: () => <GraphPanel /> },
];

const isTab = (id: string): id is AnalysisTabId => TABS.some((tab) => tab.id === id);

export function AnalysisDock(): React.JSX.Element {
  const selected = useAnalysisDock((s) => s.tab);
  const show = useAnalysisDock((s) => s.show);
  return <Dock label="Analysis" tabs={TABS} selected={selected} onSelect={(id) => isTab(id) && show(id)} />;
}
