/** The columns the engine inferred from the file, with their types. */
import { useSession } from '../../store/sessionStore';
import { formatBytes, formatCount } from '../../format';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function SchemaPanel(): React.JSX.Element | null {
  const file = useSession((s) => s.file);
  if (!file) return null;
  return (
    <section className="panel schema-panel" aria-labelledby="schema-title">
      <h2 id="schema-title">Columns</h2>
      <p className="panel-meta">
        {file.name} · {formatBytes(file.sizeBytes)} · ≈{formatCount(file.estimatedRows)} rows · {DELIMITER_NAMES[file.delimiter] ?? file.delimiter}-separated
      </p>
      <table className="schema-table" aria-label="Inferred columns">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
          </tr>
        </thead>
        <tbody>
          {file.columns.map((column) => (
            <tr key={column.name}>
              <td>{column.name}</td>
              <td>
                <span className={`type type-${column.type}`}>{column.type}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
