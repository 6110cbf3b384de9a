/**
 * A tabbed dock under the Live Feed. Tabs are given by the caller, so later panels (Predictions,
 * Junction graph) join by adding an entry. A tab is mounted the first time it is shown and then
 * kept (hidden) so an editor or a chart keeps its state while another tab is open. The open tab is
 * the dock's own, unless the caller controls it (`selected` + `onSelect`) to switch it from elsewhere.
 */
import { useId, useState } from 'react';
import { TabList, tabPanelIds } from '../widgets/TabList';
import './dock.css';

export interface DockTab {
  id: string;
  title: string;
  render(): React.ReactNode;
}

interface Props {
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly DockTab[];
  /** The open tab, when the caller controls it. */
  selected?: string;
  onSelect?(id: string): void;
}

export function Dock({ label, tabs, selected: controlled, onSelect }: Props): React.JSX.Element {
  const baseId = useId();
  const [own, setOwn] = useState(tabs[0]?.id ?? '');
  const selected = controlled ?? own;
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([selected]));
  // A tab opened from outside (a controlled switch) is mounted like one clicked: adjusting state
  // while rendering is React's way to follow a prop without an extra effect pass.
  if (!visited.has(selected)) setVisited(new Set([...visited, selected]));

  const select = (id: string): void => {
    if (onSelect) onSelect(id);
    else setOwn(id);
  };

  return (
    <div className="dock">
      <TabList label={label} tabs={tabs} selected={selected} onSelect={select} idPrefix={baseId} className="dock-tabs" tabClassName="dock-tab" />
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          {...tabPanelIds(baseId, tab.id)}
          className="dock-panel"
          hidden={tab.id !== selected}
        >
          {visited.has(tab.id) && tab.render()}
        </div>
      ))}
    </div>
  );
}
