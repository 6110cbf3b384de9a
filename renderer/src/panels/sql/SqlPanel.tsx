/**
 * The SQL console: query the live table `traffic` while a replay runs. The engine holds the
 * table, runs the queries and counts the rows; this panel edits, sends commands and shows
 * what comes back.
 */
import { useEffect } from 'react';
import { QueryLibrary } from './QueryLibrary';
import { ResultChart } from './ResultChart';
import { ResultGrid } from './ResultGrid';
import { ResultSummary } from './ResultSummary';
import { SqlEditor } from './editor/SqlEditor';
import { SqlMessage } from './SqlMessage';
import { SqlToolbar } from './SqlToolbar';
import { TableStatus } from './TableStatus';
import { sqlActions } from './sqlActions';
import { useSqlStore } from './sqlStore';
import { useLiveRerun } from './useLiveRerun';
import { WindowsSection } from './WindowsSection';
import './sql.css';

export function SqlPanel(): React.JSX.Element {
  const view = useSqlStore((s) => s.view);
  useLiveRerun();
  useEffect(() => {
    void sqlActions.open();
    void sqlActions.loadLibrary();
  }, []);
  return (
    <section className="sql-panel" aria-label="SQL console">
      <TableStatus />
      <div className="sql-controls">
        <SqlToolbar />
        <QueryLibrary />
      </div>
      <WindowsSection />
      <SqlEditor />
      <SqlMessage />
      <ResultSummary />
      {view === 'chart' ? <ResultChart /> : <ResultGrid />}
    </section>
  );
}
