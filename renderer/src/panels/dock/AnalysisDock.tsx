/** The dock under the Live Feed and its tabs; Junction graph is added here later. */
import { PredictionsPanel } from '../predictions/PredictionsPanel';
import { SqlPanel } from '../sql/SqlPanel';
import { Dock, type DockTab } from './Dock';

const TABS: readonly DockTab[] = [
  { id: 'sql', title: 'SQL', render: () => <SqlPanel /> },
  { id: 'predictions', title: 'Predictions', render: () => <PredictionsPanel /> },
];

export function AnalysisDock(): React.JSX.Element {
  return <Dock label="Analysis" tabs={TABS} />;
}
