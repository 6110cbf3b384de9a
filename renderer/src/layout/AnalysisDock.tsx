/**
 * The dock under the Live Feed and its tabs; which one is open lives in the dock store. Each tab's
 * code (the SQL editor, the charts, the graph renderer) is its own chunk, fetched when the tab is
 * first shown: the start screen and the feed do not wait for libraries they do not use.
 */
import { lazy, Suspense, useEffect } from 'react';
import { tryInvoke } from '../transport/engineClient';
import { Dock, type DockTab } from './Dock';
import { useAnalysisDock, type AnalysisTabId } from './dockStore';

/**
 * The engine starts feeding these panels the moment they are opened. Told as soon as the tab is
 * chosen, not once its chunk has loaded and mounted: a small file replayed flat out right after
 * the click would otherwise be over before the panel asked, and the panel would wait for the next
 * replay. (The panels ask again on mount; asking twice is harmless.)
 */
const OPEN_COMMANDS = { sql: 'sql:open', predictions: 'predict:open', graph: 'graph:open' } as const;

const SqlPanel = lazy(() => import('../panels/sql/SqlPanel').then((module) => ({ default: module.SqlPanel })));
const PredictionsPanel = lazy(() => import('../panels/predictions/PredictionsPanel').then((module) => ({ default: module.PredictionsPanel })));
const DataQualityPanel = lazy(() => import('../panels/quality/DataQualityPanel').then((module) => ({ default: module.DataQualityPanel })));
const ProfilesPanel = lazy(() => import('../panels/profiles/ProfilesPanel').then((module) => ({ default: module.ProfilesPanel })));
const GraphPanel = lazy(() => import('../panels/graph/GraphPanel').then((module) => ({ default: module.GraphPanel })));

function Loading(): React.JSX.Element {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

const TABS: readonly (DockTab & { id: AnalysisTabId })[] = [
  { id: 'sql', title: 'SQL', render: () => <Suspense fallback={<Loading />}><SqlPanel /></Suspense> },
  { id: 'predictions', title: 'Predictions', render: () => <Suspense fallback={<Loading />}><PredictionsPanel /></Suspense> },
  { id: 'graph', title: 'Junction graph', render: () => <Suspense fallback={<Loading />}><GraphPanel /></Suspense> },
  { id: 'quality', title: 'Data quality', render: () => <Suspense fallback={<Loading />}><DataQualityPanel /></Suspense> },
  { id: 'profiles', title: 'Profiles', render: () => <Suspense fallback={<Loading />}><ProfilesPanel /></Suspense> },
];

const isTab = (id: string): id is AnalysisTabId => TABS.some((tab) => tab.id === id);

export function AnalysisDock(): React.JSX.Element {
  const selected = useAnalysisDock((s) => s.tab);
  const show = useAnalysisDock((s) => s.show);
  useEffect(() => {
    const command = selected in OPEN_COMMANDS ? OPEN_COMMANDS[selected as keyof typeof OPEN_COMMANDS] : null;
    // A refusal is the panel's to show, when it mounts and asks itself.
    if (command !== null) void tryInvoke(command, {});
  }, [selected]);
  return <Dock label="Analysis" tabs={TABS} selected={selected} onSelect={(id) => isTab(id) && show(id)} />;
}
