/**
 * A tabbed dock under the Live Feed. Tabs are given by the caller, so later panels (Predictions,
 * Junction graph) join by adding an entry. A tab is mounted the first time it is shown and then
 * kept (hidden) so an editor or a chart keeps its state while another tab is open. The open tab is
 * the dock's own, unless the caller controls it (`selected` + `onSelect`) to switch it from elsewhere.
 */
import { useId, useRef, useState } from 'react';
import { nextTabIndex } from './tabNavigation';
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
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  // A tab opened from outside (a controlled switch) is mounted like one clicked: adjusting state
  // while rendering is React's way to follow a prop without an extra effect pass.
  if (!visited.has(selected)) setVisited(new Set([...visited, selected]));

  const select = (id: string): void => {
    if (onSelect) onSelect(id);
    else setOwn(id);
  };

  const onKeyDown = (event: React.KeyboardEvent, index: number): void => {
    const next = nextTabIndex(index, tabs.length, event.key);
    const tab = next === null ? undefined : tabs[next];
    if (next === null || !tab) return;
    event.preventDefault();
    select(tab.id);
    buttons.current[next]?.focus();
  };

  return (
    <div className="dock">
      <div className="dock-tabs" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${baseId}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="dock-tab"
            onClick={() => select(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.title}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${baseId}-panel-${tab.id}`}
          aria-labelledby={`${baseId}-tab-${tab.id}`}
          className="dock-panel"
          hidden={tab.id !== selected}
        >
          {visited.has(tab.id) && tab.render()}
        </div>
      ))}
    </div>
  );
}
