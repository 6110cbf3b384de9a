/**
 * How far the engine has counted the grid's result, from every report the page has (see
 * resultProgress). The table view changes up to 20 times a second; picking out plain numbers
 * keeps the grid and chart from re-rendering when nothing about this query moved.
 */
import type { SqlQueryProgress } from '../../../../shared/sql/sqlContract';
import { useView } from '../../store/viewStore';
import { resultProgress, type ResultProgress } from './resultProgress';
import { useSqlStore } from './sqlStore';

export function useGridProgress(): ResultProgress | null {
  const result = useSqlStore((s) => s.grid?.result ?? null);
  const pageProgress = useSqlStore((s) => s.pageProgress);
  const queryId = useView((s) => s.sqlTable?.query?.queryId ?? null);
  const state = useView((s) => s.sqlTable?.query?.state ?? 'running');
  const rowsCounted = useView((s) => s.sqlTable?.query?.rowsCounted ?? 0);
  const keptRows = useView((s) => s.sqlTable?.query?.keptRows ?? 0);
  if (!result) return null;
  // elapsedMs is not used by resultProgress; leaving it out of the selectors avoids needless renders.
  const query: SqlQueryProgress | null = queryId === null ? null : { queryId, state, rowsCounted, keptRows, elapsedMs: 0 };
  return resultProgress(result, query, pageProgress);
}
