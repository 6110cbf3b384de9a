/** Problems found in the network file, listed where they are; the rest of the network is still drawn. */
import { useState } from 'react';
import type { NetworkProblemView } from '../../../../shared/graph/graphContract';
import { formatCount } from '../../format';

/** `count`: every problem found; the list itself may be cut, its last line saying how many more. */
export function ProblemList({ problems, count }: { problems: readonly NetworkProblemView[]; count: number }): React.JSX.Element | null {
  const [open, setOpen] = useState(true);
  if (problems.length === 0) return null;
  const title = `${formatCount(count)} ${count === 1 ? 'problem' : 'problems'} in the network file`;
  return (
    <details className="graph-problems" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="graph-problems">
      <summary>{title}</summary>
      <ul aria-label={title}>
        {problems.map((problem, index) => (
          <li key={`${problem.where}:${index}`}>
            <span className="graph-problem-where">{problem.where}</span> {problem.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
