/**
 * The "New window…" form as the statement it stands for: the form writes CREATE WINDOW text and the
 * engine parses it like one typed in the console, so both ways say the same things and the form can
 * show the statement (a user learns the syntax from it).
 */
import type { EmitMode, WindowKind } from '../../../../shared/windows/windowContract';

export const FORM_UNITS = ['SECONDS', 'MINUTES', 'HOURS', 'DAYS'] as const;
export type FormUnit = (typeof FORM_UNITS)[number];

export interface WindowForm {
  name: string;
  kind: WindowKind;
  size: string;
  sizeUnit: FormUnit;
  hop: string;
  hopUnit: FormUnit;
  lateness: string;
  latenessUnit: FormUnit;
  emit: EmitMode;
}

export const NEW_WINDOW_FORM: WindowForm = {
  name: 'traffic_15min',
  kind: 'tumble',
  size: '15',
  sizeUnit: 'MINUTES',
  hop: '5',
  hopUnit: 'MINUTES',
  lateness: '0',
  latenessUnit: 'MINUTES',
  emit: 'final',
};

/** Blanks are reported here (the engine would say "found the end", which reads oddly for a form). */
export function windowStatementOf(form: WindowForm): { ok: true; sql: string } | { ok: false; message: string } {
  const name = form.name.trim();
  if (name === '') return { ok: false, message: 'Give the window a name (it becomes the table name).' };
  const size = form.size.trim();
  if (size === '') return { ok: false, message: 'Give the window a size.' };
  let sql = `CREATE WINDOW ${name} AS ${form.kind === 'hop' ? 'HOP' : 'TUMBLE'} ${size} ${form.sizeUnit}`;
  if (form.kind === 'hop') {
    const hop = form.hop.trim();
    if (hop === '') return { ok: false, message: 'Give the hop (how often a new window starts).' };
    sql += ` EVERY ${hop} ${form.hopUnit}`;
  }
  const lateness = form.lateness.trim();
  if (lateness !== '' && Number(lateness) !== 0) sql += ` LATENESS ${lateness} ${form.latenessUnit}`;
  if (form.emit === 'changes') sql += ' EMIT CHANGES';
  return { ok: true, sql };
}

const UNIT_MS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'min'],
  [1000, 's'],
];

/** 900000 → "15 min", 3600000 → "1 hour", 0 → "0". */
export function durationText(ms: number): string {
  if (ms === 0) return '0';
  for (const [unit, name] of UNIT_MS) {
    if (ms % unit === 0) {
      const count = ms / unit;
      return `${count} ${name}${count !== 1 && name !== 'min' && name !== 's' ? 's' : ''}`;
    }
  }
  return `${ms} ms`;
}
