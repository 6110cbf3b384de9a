/** "Columns…": show or hide each feed column and move it earlier or later; remembered for this header. */
import type { FeedColumn } from './feedCells';
import { moveColumn, type FeedColumnKey, type FeedColumnPrefs } from './feedColumns';

interface Props {
  /** Every column in the user's order, hidden ones included. */
  columns: readonly FeedColumn[];
  hidden: readonly FeedColumnKey[];
  onChange(prefs: FeedColumnPrefs): void;
  onReset(): void;
}

export function FeedColumnsMenu({ columns, hidden, onChange, onReset }: Props): React.JSX.Element {
  const order = columns.map((column) => column.key);
  const shownCount = columns.length - hidden.length;
  const toggle = (key: FeedColumnKey, show: boolean): void => onChange({ order, hidden: show ? hidden.filter((k) => k !== key) : [...hidden, key] });
  const move = (key: FeedColumnKey, by: -1 | 1): void => onChange({ order: moveColumn(order, key, by), hidden: [...hidden] });
  return (
    <details className="feed-columns">
      <summary title="Show, hide and reorder the feed's columns">Columns…</summary>
      <div className="popover feed-columns-popover" role="group" aria-label="Feed columns">
        <ul>
          {columns.map((column, index) => {
            const shown = !hidden.includes(column.key);
            return (
              <li key={column.key}>
                <label>
                  {/* The last shown column cannot go: a feed of no columns shows nothing. */}
                  <input type="checkbox" checked={shown} disabled={shown && shownCount === 1} onChange={(event) => toggle(column.key, event.target.checked)} />
                  {column.label}
                </label>
                <button type="button" aria-label={`Move ${column.label} earlier`} disabled={index === 0} onClick={() => move(column.key, -1)}>
                  ↑
                </button>
                <button type="button" aria-label={`Move ${column.label} later`} disabled={index === columns.length - 1} onClick={() => move(column.key, 1)}>
                  ↓
                </button>
              </li>
            );
          })}
        </ul>
        <button type="button" onClick={onReset}>
          Default columns
        </button>
      </div>
    </details>
  );
}
