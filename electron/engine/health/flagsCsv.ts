/**
 * Flags as CSV, for a traffic engineer's spreadsheet or a ticket: one line per flag, times in the
 * file's own clock, the evidence in plain words. Written with papaparse so quotes, commas and
 * line breaks in location names or evidence are escaped correctly.
 */
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { HEALTH_CHECK_GROUP, HEALTH_CHECK_LABELS, type HealthFlag } from '../../../shared/health/healthContract';
import { formatTime } from './describe';

export const FLAG_CSV_FIELDS = ['id', 'location', 'group', 'check', 'start', 'end', 'intervals', 'line', 'ongoing', 'evidence'] as const;

export function flagsToCsv(flags: readonly HealthFlag[]): string {
  const data = flags.map((flag) => [
    flag.id,
    flag.location,
    HEALTH_CHECK_GROUP[flag.check],
    HEALTH_CHECK_LABELS[flag.check],
    formatTime(flag.start),
    formatTime(flag.end),
    flag.intervals,
    flag.line ?? '',
    flag.ongoing ? 'yes' : 'no',
    flag.evidence,
  ]);
  return `${Papa.unparse({ fields: [...FLAG_CSV_FIELDS], data }, { newline: '\n' })}\n`;
}

export async function writeFlagsCsv(path: string, flags: readonly HealthFlag[]): Promise<void> {
  await writeFile(path, flagsToCsv(flags), 'utf8');
}
