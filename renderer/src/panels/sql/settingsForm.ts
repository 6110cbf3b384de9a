/**
 * The live table's settings as the popover edits them: each retention bound can be switched
 * off, numbers are typed as text. Checked here so the user reads a sentence, not a zod issue.
 */
import { sqlSettingsSchema, type SqlSettings } from '../../../../shared/sql/sqlContract';

export interface SettingsForm {
  maxRowsOn: boolean;
  maxRows: string;
  maxMinutesOn: boolean;
  maxMinutes: string;
  timeoutSeconds: string;
}

/** Shown in a switched-off field, so switching it on starts from a sensible figure. */
const SUGGESTED_MAX_ROWS = 1_000_000;
const SUGGESTED_MAX_MINUTES = 60;

export function toForm(settings: SqlSettings): SettingsForm {
  return {
    maxRowsOn: settings.retention.maxRows !== null,
    maxRows: String(settings.retention.maxRows ?? SUGGESTED_MAX_ROWS),
    maxMinutesOn: settings.retention.maxMinutes !== null,
    maxMinutes: String(settings.retention.maxMinutes ?? SUGGESTED_MAX_MINUTES),
    timeoutSeconds: String(settings.timeoutSeconds),
  };
}

export type FormResult = { ok: true; settings: SqlSettings } | { ok: false; message: string };

function positive(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : null;
}

export function fromForm(form: SettingsForm): FormResult {
  const maxRows = form.maxRowsOn ? positive(form.maxRows) : null;
  if (form.maxRowsOn && (maxRows === null || !Number.isInteger(maxRows))) return { ok: false, message: 'Max rows must be a whole number above 0.' };
  const maxMinutes = form.maxMinutesOn ? positive(form.maxMinutes) : null;
  if (form.maxMinutesOn && maxMinutes === null) return { ok: false, message: 'Max minutes must be a number above 0.' };
  const timeoutSeconds = positive(form.timeoutSeconds);
  if (timeoutSeconds === null) return { ok: false, message: 'The query timeout must be a number of seconds above 0.' };
  const parsed = sqlSettingsSchema.safeParse({ retention: { maxRows, maxMinutes }, timeoutSeconds });
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    const what = path.includes('maxRows') ? 'Max rows' : path.includes('maxMinutes') ? 'Max minutes' : 'The query timeout';
    return { ok: false, message: `${what} is too large.` };
  }
  return { ok: true, settings: parsed.data };
}
