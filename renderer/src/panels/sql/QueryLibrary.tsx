/**
 * Queries to start from: the run history (newest first, kept by the engine), example queries
 * written for the open file, and the user's saved queries. Picking one puts it in the editor.
 * Beside them, SQLite's own syntax reference, for writing one from scratch.
 */
import { useMemo } from 'react';
import { exampleQueries } from '../../../../shared/sql/exampleQueries';
import { LIVE_TABLE } from '../../../../shared/sql/sqlContract';
import { useView } from '../../store/viewStore';
import { ExternalLink } from '../../widgets/ExternalLink';
import { SavedQueries } from './SavedQueries';
import { useSqlStore } from './sqlStore';

/** A one-line preview for a list entry; the full text is in its tooltip. */
const preview = (sql: string): string => {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
};

const load = (sql: string): void => useSqlStore.getState().setText(sql);

function HistoryPicker(): React.JSX.Element {
  const history = useSqlStore((s) => s.library.history);
  return (
    <select
      aria-label="History"
      value=""
      disabled={history.length === 0}
      onChange={(event) => {
        const entry = history[Number(event.target.value)];
        if (entry) load(entry.sql);
      }}
    >
      <option value="" disabled>
        History ({history.length})
      </option>
      {history.map((entry, index) => (
        <option key={`${entry.ranAt}:${index}`} value={index} title={entry.sql}>
          {preview(entry.sql)}
        </option>
      ))}
    </select>
  );
}

function ExamplePicker(): React.JSX.Element {
  const columns = useView((s) => s.file?.columns);
  const measure = useView((s) => s.file?.measure ?? null);
  const examples = useMemo(() => exampleQueries(columns ?? [], LIVE_TABLE, measure), [columns, measure]);
  return (
    <select
      aria-label="Examples"
      value=""
      disabled={examples.length === 0}
      onChange={(event) => {
        const example = examples[Number(event.target.value)];
        if (example) load(example.sql);
      }}
    >
      <option value="" disabled>
        Examples
      </option>
      {examples.map((example, index) => (
        <option key={example.title} value={index} title={example.sql}>
          {example.title}
        </option>
      ))}
    </select>
  );
}

export function QueryLibrary(): React.JSX.Element {
  return (
    <div className="sql-library">
      <HistoryPicker />
      <ExamplePicker />
      <SavedQueries />
      <ExternalLink to="sqliteSyntax" className="sql-help-link">
        SQL syntax reference
      </ExternalLink>
    </div>
  );
}
