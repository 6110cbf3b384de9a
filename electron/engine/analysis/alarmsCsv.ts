/**
 * Alarms as CSV: one line per alarm (cleared and still active), times in the file's own clock,
 * the evidence in plain words; papaparse escapes quotes and commas in names and evidence.
 */
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Alarm } from '../../../shared/alarms/alarmContract';
import { formatTime } from '../health';

export const ALARM_CSV_FIELDS = ['id', 'location', 'measure', 'direction', 'start', 'raised_at', 'end', 'intervals', 'peak_score', 'relative_change', 'confidence', 'confirmed_by', 'evidence'] as const;

export function alarmsToCsv(alarms: readonly Alarm[]): string {
  const data = alarms.map((alarm) => [
    alarm.id,
    alarm.location,
    alarm.measure,
    alarm.direction,
    formatTime(alarm.start),
    formatTime(alarm.raisedAt),
    alarm.end === null ? 'active' : formatTime(alarm.end),
    alarm.intervals,
    Number(alarm.peakScore.toFixed(2)),
    Number(alarm.relativeChange.toFixed(3)),
    alarm.confidence,
    alarm.confirmedBy.join(' '),
    alarm.evidence,
  ]);
  return `${Papa.unparse({ fields: [...ALARM_CSV_FIELDS], data }, { newline: '\n' })}\n`;
}

export async function writeAlarmsCsv(path: string, alarms: readonly Alarm[]): Promise<void> {
  await writeFile(path, alarmsToCsv(alarms), 'utf8');
}
