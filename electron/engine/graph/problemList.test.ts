import { describe, expect, it } from 'vitest';
import type { NetworkProblemView } from '../../../shared/graph/graphContract';
import { capProblems, MAX_PROBLEMS_SHOWN } from './problemList';

function problems(count: number, kind: NetworkProblemView['kind'] = 'self-loop'): NetworkProblemView[] {
  return Array.from({ length: count }, (_, index) => ({ kind, where: `line ${index + 2}`, message: 'A road cannot join a junction to itself.' }));
}

describe('problem list', () => {
  it('keeps a list that fits as it is', () => {
    const list = problems(MAX_PROBLEMS_SHOWN);
    const capped = capProblems(list);
    expect(capped).toEqual(list);
    expect(capped).not.toBe(list);
    expect(capProblems([])).toEqual([]);
  });

  it('cuts a longer list to its first problems and a last line counting the rest', () => {
    const list = [...problems(MAX_PROBLEMS_SHOWN - 1), ...problems(1801, 'unknown-location')];
    const capped = capProblems(list);
    expect(capped).toHaveLength(MAX_PROBLEMS_SHOWN);
    expect(capped.slice(0, -1)).toEqual(list.slice(0, MAX_PROBLEMS_SHOWN - 1));
    expect(capped.at(-1)).toEqual({ kind: 'unknown-location', where: 'file', message: '…and 1,801 more problems like these' });
  });

  it('counts one more problem as one more', () => {
    expect(capProblems(problems(MAX_PROBLEMS_SHOWN + 1)).at(-1)?.message).toBe('…and 2 more problems like these');
  });
});
