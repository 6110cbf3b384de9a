/** The dock under the Live Feed and its tabs; Predictions and Junction graph are added here later. */
import { SqlPanel } from '../sql/SqlPanel';
import { Dock, type DockTab } from './Dock';

const TABS: readonly DockTab[] = [{ id: 'sql', title: 'SQL', render: () => <SqlPanel /> }];

export function AnalysisDock(): React.JSX.Element {
  return <Dock label="Analysis" tabs={TABS} />;
}
