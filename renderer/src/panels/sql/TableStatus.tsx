/** One line about the live table: rows held, evicted and pending, the ingest rate, and trouble. */
import { useView } from '../../store/viewStore';
import { tableStateNote, tableStatusLine } from './sqlStatusLine';
import { TableSettings } from './TableSettings';

export function TableStatus(): React.JSX.Element {
  const table = useView((s) => s.sqlTable);
  const note = table ? tableStateNote(table) : null;
  return (
    <div className="sql-table-status">
      <span data-testid="sql-table-status" className="sql-status-line">
        {table ? tableStatusLine(table) : 'The live table appears once a file is open.'}
      </span>
      {note && table && (
        <span className={`sql-table-state sql-table-state-${table.state}`} data-testid="sql-table-state" role={table.state === 'failed' ? 'alert' : 'status'}>
          {note}
        </span>
      )}
      {table && <TableSettings settings={table.settings} />}
    </div>
  );
}
