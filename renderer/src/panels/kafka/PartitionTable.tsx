/** Per-partition watermarks and the app's consumer-group lag, as the engine last reported them. */
import type { PartitionLag } from '../../../../shared/kafka/busContract';
import { formatCount } from '../../format';
import { maxLagPartitions } from './busFormat';

export function PartitionTable({ partitions, maxLag }: { partitions: readonly PartitionLag[]; maxLag: number }): React.JSX.Element {
  if (partitions.length === 0) return <p className="empty">No partitions assigned yet.</p>;
  const highlighted = maxLagPartitions(partitions);
  return (
    <div className="partition-scroll">
      <table className="kafka-table" aria-label="Partitions and lag" data-testid="kafka-partitions">
        <thead>
          <tr>
            <th scope="col">Partition</th>
            <th scope="col" className="num">
              Low
            </th>
            <th scope="col" className="num">
              High
            </th>
            <th scope="col" className="num">
              Committed
            </th>
            <th scope="col" className="num">
              Lag
            </th>
          </tr>
        </thead>
        <tbody>
          {partitions.map((partition) => {
            const isMax = highlighted.has(partition.partition);
            return (
              <tr
                key={partition.partition}
                className={isMax ? 'max-lag' : undefined}
                data-testid="kafka-partition-row"
                data-partition={partition.partition}
                data-max-lag={isMax ? 'true' : undefined}
              >
                <td>{partition.partition}</td>
                <td className="num">{formatCount(partition.low)}</td>
                <td className="num">{formatCount(partition.high)}</td>
                {/* Before the group's first commit there is no committed offset, which is not the same as 0. */}
                <td className="num" title={partition.committed === null ? 'Nothing committed yet' : undefined}>
                  {partition.committed === null ? '–' : formatCount(partition.committed)}
                </td>
                <td className="num">{formatCount(partition.lag)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="panel-meta">
        Max lag <strong data-testid="kafka-max-lag">{formatCount(maxLag)}</strong>
        {highlighted.size > 0 && ' (highlighted)'}
      </p>
    </div>
  );
}
