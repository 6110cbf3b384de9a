/**
 * The legend's words and figures: the load scale from 0 to the busiest junction's load, the
 * congestion scale up to its cap and what congestion 1 means, and what is being counted.
 */
import type { GraphLoads } from '../../../../shared/graph/graphContract';
import { formatCount, formatNumber } from '../../format';
import { CONGESTION_CAP } from './graphStyle';

export interface LegendFigures {
  loadMin: string;
  loadMax: string;
  /** "Load: vehicles (Total) in the last 60 min" */
  loadTitle: string;
  congestionMin: string;
  congestionMax: string;
  /** "Congestion 1 = 1,800 vehicles per lane per hour" */
  capacity: string;
}

const formatLoad = (value: number): string => (Math.abs(value) >= 100 ? formatCount(value) : formatNumber(value));

export function windowLabel(minutes: number): string {
  if (minutes % 60 === 0 && minutes >= 60) return minutes === 60 ? '1 h' : `${minutes / 60} h`;
  return `${formatNumber(minutes)} min`;
}

export function legendFigures(loads: GraphLoads | null, measure: string | null, windowMinutes: number): LegendFigures {
  return {
    loadMin: '0',
    loadMax: loads === null ? '–' : formatLoad(loads.maxLoad),
    loadTitle: `Load: sum of ${measure ?? 'rows'} in the last ${windowLabel(windowMinutes)}`,
    congestionMin: '0',
    congestionMax: `≥ ${formatNumber(CONGESTION_CAP)}`,
    capacity: loads === null ? 'Congestion 1 = at capacity' : `Congestion 1 = ${loads.capacityLabel}`,
  };
}
