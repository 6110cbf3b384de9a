/**
 * The graph settings popover's fields as typed, and their reading into settings the engine takes:
 * an empty measure or capacity means "auto" (null), numbers must be in the contract's range.
 */
import { graphSettingsSchema, type GraphSettings } from '../../../../shared/graph/graphContract';
import type { FormParse } from '../../widgets/SettingsPopover';

export interface GraphSettingsFields {
  /** '' = the engine's choice (Total, else the first measure). */
  measure: string;
  windowMinutes: string;
  /** '' = auto (relative to the busiest road). */
  laneCapacity: string;
  inferredEnabled: boolean;
  threshold: string;
}

export function settingsFields(settings: GraphSettings): GraphSettingsFields {
  return {
    measure: settings.measure ?? '',
    windowMinutes: String(settings.windowMinutes),
    laneCapacity: settings.laneCapacityPerHour === null ? '' : String(settings.laneCapacityPerHour),
    inferredEnabled: settings.inferred.enabled,
    threshold: String(settings.inferred.threshold),
  };
}

const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

export function parseSettingsFields(fields: GraphSettingsFields): FormParse<GraphSettings> {
  const windowMinutes = number(fields.windowMinutes);
  if (!(windowMinutes > 0) || windowMinutes > 7 * 24 * 60) return { ok: false, message: 'Window: minutes above 0, at most a week (10080).' };
  const laneCapacityPerHour = fields.laneCapacity.trim() === '' || fields.laneCapacity.trim().toLowerCase() === 'auto' ? null : number(fields.laneCapacity);
  if (laneCapacityPerHour !== null && !(laneCapacityPerHour > 0 && laneCapacityPerHour <= 1_000_000)) {
    return { ok: false, message: 'Lane capacity: vehicles per lane per hour above 0, or empty for auto.' };
  }
  const threshold = number(fields.threshold);
  if (!(threshold >= -1 && threshold <= 1)) return { ok: false, message: 'Correlation threshold: a number from -1 to 1.' };
  const settings = {
    measure: fields.measure === '' ? null : fields.measure,
    windowMinutes,
    laneCapacityPerHour,
    inferred: { enabled: fields.inferredEnabled, threshold },
  };
  const parsed = graphSettingsSchema.safeParse(settings);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? 'These settings cannot be used.' };
}
