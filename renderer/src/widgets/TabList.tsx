/**
 * The row of tabs of the ARIA tabs pattern: the selected tab is the one Tab stops on; arrows, Home
 * and End move between tabs and take the focus along. Each tab controls the panel with id
 * `${idPrefix}-panel-${id}`, which the caller renders.
 */
import { useRef } from 'react';
import { nextTabIndex } from './tabNavigation';

export interface TabEntry {
  id: string;
  title: string;
}

interface Props {
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly TabEntry[];
  selected: string;
  onSelect(id: string): void;
  idPrefix: string;
  className?: string;
  tabClassName?: string;
}

export function tabPanelIds(idPrefix: string, id: string): { id: string; 'aria-labelledby': string } {
  return { id: `${idPrefix}-panel-${id}`, 'aria-labelledby': `${idPrefix}-tab-${id}` };
}

export function TabList({ label, tabs, selected, onSelect, idPrefix, className, tabClassName }: Props): React.JSX.Element {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: React.KeyboardEvent, index: number): void => {
    const next = nextTabIndex(index, tabs.length, event.key);
    const tab = next === null ? undefined : tabs[next];
    if (next === null || !tab) return;
    event.preventDefault();
    onSelect(tab.id);
    buttons.current[next]?.focus();
  };
  return (
    <div className={className} role="tablist" aria-label={label}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          className={tabClassName}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.title}
        </button>
      ))}
    </div>
  );
}
