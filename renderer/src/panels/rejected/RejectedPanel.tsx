/** Rows that could not be parsed: where they are, why, and what they said. */
import { formatCount } from '../../format';
import { actions } from '../../store/actions';
import { useView } from '../../store/viewStore';

export function RejectedPanel(): React.JSX.Element {
  const rows = useView((s) => s.rejectedRows);
  const total = useView((s) => s.rejectedTotal);
  const capacity = useView((s) => s.rejectedCapacity);
  return (
    <section className="panel rejected-panel" aria-labelledby="rejected-title">
      <header className="panel-header">
        <h2 id="rejected-title">
          Rejected rows <span className="badge" data-testid="rejected-total">{formatCount(total)}</span>
        </h2>
        <button type="button" disabled={total === 0} onClick={() => void actions.saveRejected()} title="Every rejected row with line and reason, as CSV">
          Save all…
        </button>
      </header>
      {total === 0 ? (
        <p className="empty">No rejected rows.</p>
      ) : (
        <div className="rejected-scroll">
          <table aria-label="Rejected rows">
            <thead>
              <tr>
                <th scope="col">{rows.some((row) => row.partition !== undefined) ? 'Where' : 'Line'}</th>
                <th scope="col">Reason</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${index}:${row.line}`}>
                  <td className="num" data-testid="rejected-where">
                    {row.partition !== undefined ? `partition ${row.partition}, offset ${row.offset ?? row.line}` : row.line}
                  </td>
                  <td>{row.reason}</td>
                  <td className="raw">{row.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > rows.length && (
            <p className="panel-meta">
              Showing the first {formatCount(Math.min(rows.length, capacity))} of {formatCount(total)} rejected rows.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
