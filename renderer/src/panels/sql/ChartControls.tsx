/** Line or bar, the x column, and which numeric columns are drawn as y series. */
import type { ChartKind } from './chartData';
import { useSqlStore } from './sqlStore';

interface Props {
  kind: ChartKind;
  columns: readonly string[];
  numeric: readonly string[];
  x: string | null;
  y: readonly string[];
}

export function ChartControls({ kind, columns, numeric, x, y }: Props): React.JSX.Element {
  const setChart = useSqlStore((s) => s.setChart);
  const toggleY = (name: string, on: boolean): void => setChart({ y: on ? [...y, name] : y.filter((other) => other !== name) });
  return (
    <div className="sql-chart-controls">
      <label>
        Chart type
        <select aria-label="Chart type" value={kind} onChange={(event) => setChart({ kind: event.target.value as ChartKind })}>
          <option value="bar">Bar</option>
          <option value="line">Line</option>
        </select>
      </label>
      <label>
        X
        <select aria-label="X axis" value={x ?? ''} onChange={(event) => setChart({ x: event.target.value })}>
          {columns.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="sql-chart-y">
        <legend>Y</legend>
        {numeric.filter((name) => name !== x).map((name) => (
          <label key={name}>
            <input type="checkbox" checked={y.includes(name)} onChange={(event) => toggleY(name, event.target.checked)} />
            {name}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
