/** The model's row counts in one line: is it keeping pace with the replay, and where did the rows go. */
import type { PredictView } from '../../../../shared/predict/predictContract';
import { formatCount } from '../../format';

/** A backlog up to this many rows is a batch or two in flight, not falling behind. */
export const KEEPING_UP_BACKLOG = 2000;

export function keepingUp(rows: PredictView['rows']): boolean {
  return rows.backlog <= KEEPING_UP_BACKLOG;
}

export function rowsLine(rows: PredictView['rows']): string {
  return [
    `${formatCount(rows.received)} received`,
    `${formatCount(rows.processed)} processed`,
    `backlog ${formatCount(rows.backlog)} (${keepingUp(rows) ? 'keeping up' : 'falling behind'})`,
    `${formatCount(rows.scored)} scored`,
    `${formatCount(rows.warmingUp)} warming up`,
    `${formatCount(rows.inHistoryPeriod)} in history period`,
    `${formatCount(rows.noTarget)} without target`,
  ].join(' · ');
}
