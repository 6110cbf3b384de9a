/**
 * The network file's problems as the panel lists them. A badly broken file can have a problem on
 * each of thousands of lines; the panel shows the first MAX_PROBLEMS_SHOWN and a last line counting
 * the rest, which keeps every view small and the list still readable.
 */
import type { NetworkProblemView } from '../../../shared/graph/graphContract';

/** Longer problem lists are cut here, with a last line saying how many more there are. */
export const MAX_PROBLEMS_SHOWN = 200;

export function capProblems(problems: readonly NetworkProblemView[]): NetworkProblemView[] {
  if (problems.length <= MAX_PROBLEMS_SHOWN) return [...problems];
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN - 1);
  const more = problems.length - shown.length;
  // The contract gives every problem a kind; the summary line borrows that of the first problem it stands for.
  return [...shown, { kind: problems[MAX_PROBLEMS_SHOWN - 1]?.kind ?? 'bad-field', where: 'file', message: `…and ${more.toLocaleString('en-US')} more problems like these` }];
}
