/**
 * Numbers the user types into the Predictions settings (λ, history days, refit and anomaly
 * settings), checked against the contract's bounds so the user reads a sentence, not a zod issue.
 */
import type { z } from 'zod';
import { historySourceSchema, modelSettingsSchema, predictSettingsSchema, refitSettingsSchema, type PredictSettings } from '../../../../shared/predict/predictContract';

export interface NumberRule {
  /** How the message names the field: "λ must be …". */
  label: string;
  min: number;
  max: number;
  integer: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const bounds = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function ruleOf(schema: z.ZodNumber, label: string): NumberRule {
  return { label, min: schema.minValue ?? -Number.MAX_VALUE, max: schema.maxValue ?? Number.MAX_VALUE, integer: schema.isInt };
}

/** The "first N days of this file" option (a reordered union fails to compile here rather than misread). */
const fileDays = historySourceSchema.options[1];

export const RULES = {
  lambda: ruleOf(modelSettingsSchema.shape.lambda, 'λ'),
  days: ruleOf(fileDays.shape.days, 'History days'),
  everyRows: ruleOf(refitSettingsSchema.shape.everyRows, 'Refit every (rows)'),
  everySeconds: ruleOf(refitSettingsSchema.shape.everySeconds, 'Refit every (seconds)'),
  windowRows: ruleOf(refitSettingsSchema.shape.windowRows, 'Window (rows)'),
  anomalyK: ruleOf(predictSettingsSchema.shape.anomalyK, 'Anomaly threshold (σ)'),
} as const satisfies Record<string, NumberRule>;

export function parseNumber(text: string, rule: NumberRule): Parsed<number> {
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  const value = Number(trimmed);
  const ok = trimmed !== '' && Number.isFinite(value) && value >= rule.min && value <= rule.max && (!rule.integer || Number.isInteger(value));
  if (ok) return { ok: true, value };
  const kind = rule.integer ? 'a whole number' : 'a number';
  return { ok: false, message: `${rule.label} must be ${kind} from ${bounds.format(rule.min)} to ${bounds.format(rule.max)}.` };
}

/** The less-used settings, edited together in the "Training…" popover. */
export interface TrainingForm {
  everyRows: string;
  everySeconds: string;
  windowRows: string;
  anomalyK: string;
}

export function toTrainingForm(settings: PredictSettings): TrainingForm {
  return {
    everyRows: String(settings.refit.everyRows),
    everySeconds: String(settings.refit.everySeconds),
    windowRows: String(settings.refit.windowRows),
    anomalyK: String(settings.anomalyK),
  };
}

/** The settings with the form's values in place; the first bad field's message otherwise. */
export function fromTrainingForm(form: TrainingForm, settings: PredictSettings): Parsed<PredictSettings> {
  const everyRows = parseNumber(form.everyRows, RULES.everyRows);
  if (!everyRows.ok) return everyRows;
  const everySeconds = parseNumber(form.everySeconds, RULES.everySeconds);
  if (!everySeconds.ok) return everySeconds;
  const windowRows = parseNumber(form.windowRows, RULES.windowRows);
  if (!windowRows.ok) return windowRows;
  const anomalyK = parseNumber(form.anomalyK, RULES.anomalyK);
  if (!anomalyK.ok) return anomalyK;
  return {
    ok: true,
    value: { ...settings, refit: { everyRows: everyRows.value, everySeconds: everySeconds.value, windowRows: windowRows.value }, anomalyK: anomalyK.value },
  };
}
