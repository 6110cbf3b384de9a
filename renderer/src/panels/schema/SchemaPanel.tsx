/** The columns as the engine reads them: type and role, how time is read, and a way to correct it. */
import { useState } from 'react';
import { formatBytes, formatCount } from '../../format';
import { formatEventTime } from '../../formatTime';
import { useView } from '../../store/viewStore';
import { encodingNote } from './encodingNote';
import { FileReading } from './FileReading';
import { SchemaDialog } from './SchemaDialog';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function SchemaPanel(): React.JSX.Element | null {
  const file = useView((s) => s.file);
  const [editing, setEditing] = useState(false);
  if (!file) return null;
  const encoding = encodingNote(file.encoding);
  return (
    <section className="panel schema-panel" aria-labelledby="schema-title">
      <header className="panel-header">
        <h2 id="schema-title">Columns</h2>
        <button type="button" onClick={() => setEditing(true)}>
          Edit roles…
        </button>
      </header>
      <p className="panel-meta">
        {file.name} · {formatBytes(file.sizeBytes)} · ≈{formatCount(file.estimatedRows)} rows · {DELIMITER_NAMES[file.delimiter] ?? file.delimiter}-separated
        {file.decimalComma ? ' · decimal comma' : ''}
        {file.rolesRemembered ? ' · roles remembered for these columns' : ''}
        {encoding && <span data-testid="file-encoding"> · {encoding}</span>}
      </p>
      <FileReading file={file} onEdit={() => setEditing(true)} />
      <p className="panel-meta" data-testid="time-source">
        {file.time ? '' : 'No time column: replay paces by rows per second.'}
        {file.time && file.timeRange ? `Spans ${formatEventTime(file.timeRange.first, false)} to ${formatEventTime(file.timeRange.last, false)}` : ''}
        {file.replayOrder && <span data-testid={file.replayOrder.reversed && !file.replayOrder.merged ? 'time-order' : 'replay-order'}> · {file.replayOrder.note}</span>}
        {file.timeOrder === 'mixed' && <span data-testid="time-order"> · Rows are not in time order: replayed as written, so the data clock jumps back and forth (sort the file by time to replay it in order), and the data quality checks flag rows that go back in time.</span>}
      </p>
      <table className="schema-table" aria-label="Inferred columns">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {file.columns.map((column) => (
            <tr key={column.name}>
              <td>{column.name}</td>
              <td>
                <span className={`type type-${column.type}`}>{column.type}</span>
              </td>
              <td className={`role role-${column.role}`}>{column.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <SchemaDialog file={file} onClose={() => setEditing(false)} />}
    </section>
  );
}
