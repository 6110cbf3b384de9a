/**
 * Turns a row's text fields into a typed record: values by column type, and the event time from
 * the timestamp columns. Stateful for the split form (the month advances as the file goes on), so
 * its state can be saved at a block boundary and restored to resume reading there (seek).
 */
import type { CellValue } from '../../../shared/records';
import type { TimeSource } from '../../../shared/schema';
import { decodeRow } from './decodeRow';
import type { TableSchema } from './tableSchema';
import { partsReader } from './time/partsTime';
import { SplitTimeline, type SplitTimelineState } from './time/splitTimeline';
import { TIME_FORMATS, asWrittenParser, type TimeFormat } from './time/timeFormats';
import { withoutEmptyExtraFields } from './rowWidth';

export type DecodedRecord = { ok: true; values: CellValue[]; time: number | null } | { ok: false; reason: string };

const MAX_QUOTED_VALUE = 40;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A cell that makes its row a summary of the others: `Total`, `Grand total`, `Totals:`, `Summe`, `Gesamt`, `Totaal`, `Subtotal`. */
const SUMMARY_LABEL = /^((grand|sub)[\s-]?)?totals?:?$|^summe?:?$|^gesamt(summe)?:?$|^totaal:?$|^totale:?$/i;

/**
 * Why a rejected row was rejected, in the words a user checks first: the header line again (files
 * joined one after the other), or a spreadsheet's totals row, which has no time of its own, rather
 * than the parser's complaint about its time cell.
 */
function rejectionReason(fields: readonly string[], names: readonly string[], reason: string): string {
  const asHeader = fields.filter((field, i) => field.trim() !== '' && field.trim() === names[i]?.trim()).length;
  if (asHeader * 2 >= names.length) return `the header line again, not a reading (files joined one after another?): ${reason}`;
  const label = fields.find((field) => SUMMARY_LABEL.test(field.trim()));
  return label === undefined ? reason : `a totals row (${quote(label.trim())}), not a reading: ${reason}`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED_VALUE ? `${text.slice(0, MAX_QUOTED_VALUE)}…` : text);
}

export class RowDecoder {
  private readonly readTime: (fields: readonly string[]) => number | string | null;
  private readonly timeline: SplitTimeline | null = null;
  private readonly names: readonly string[];

  constructor(private readonly schema: TableSchema) {
    this.names = schema.columns.map((column) => column.name);
    const time = schema.time;
    if (!time) this.readTime = () => null;
    else if (time.kind === 'column') this.readTime = this.columnTime(time, TIME_FORMATS[time.format]);
    else if (time.kind === 'parts') this.readTime = partsReader(time, (name) => this.index(name));
    else {
      const timeline = new SplitTimeline({ year: time.anchorYear, month: time.anchorMonth }, time.newestFirst === true);
      this.timeline = timeline;
      this.readTime = this.splitTime(time, timeline);
    }
  }

  private index(name: string): number {
    return this.schema.columns.findIndex((column) => column.name === name);
  }

  private columnTime(source: Extract<TimeSource, { kind: 'column' }>, format: TimeFormat) {
    const index = this.index(source.column);
    const parse = source.zones === 'as-written' ? asWrittenParser(format) : format.parse;
    return (fields: readonly string[]): number | string | null => {
      const text = (fields[index] as string).trim();
      if (text === '') return `column "${source.column}" has no time`;
      return parse(text) ?? `column "${source.column}" expects ${format.label}, found ${quote(text)}`;
    };
  }

  private splitTime(source: Extract<TimeSource, { kind: 'split' }>, timeline: SplitTimeline) {
    const timeIndex = this.index(source.time);
    const dayIndex = this.index(source.day);
    const clock = TIME_FORMATS.clock;
    return (fields: readonly string[]): number | string | null => {
      const timeText = (fields[timeIndex] as string).trim();
      const dayText = (fields[dayIndex] as string).trim();
      const timeOfDay = clock.parse(timeText);
      if (timeOfDay === null) return `column "${source.time}" expects a time of day like 12:15:00 AM, found ${quote(timeText)}`;
      const day = Number(dayText);
      if (dayText === '' || !Number.isInteger(day) || day < 1 || day > 31) {
        return `column "${source.day}" expects a day of the month (1 to 31), found ${quote(dayText)}`;
      }
      const epoch = timeline.toEpoch(timeOfDay, day);
      if (epoch !== null) return epoch;
      const { year, month } = timeline.snapshot();
      return `no such date: day ${day} of ${MONTHS[month - 1]} ${year}`;
    };
  }

  /** The columns the event time is read from. */
  timeColumns(): number[] {
    const time = this.schema.time;
    if (!time) return [];
    if (time.kind === 'column') return [this.index(time.column)];
    if (time.kind === 'split') return [this.index(time.time), this.index(time.day)];
    return [time.date, time.year, time.month, time.day, time.clock, time.hhmm ?? null, time.hour, time.minute, time.second]
      .filter((name): name is string => name !== null)
      .map((name) => this.index(name));
  }

  /**
   * The event time of a row whose values are known to be valid: epoch ms, null when the file has
   * no time, or why the row is rejected. Reads only the `timeColumns()` entries of `fields`.
   */
  timeOf(fields: readonly string[]): number | string | null {
    return this.readTime(fields);
  }

  decode(written: readonly string[]): DecodedRecord {
    const fields = this.fitted(written);
    const decoded = decodeRow(fields, this.schema.columns, this.schema.decimalComma);
    if (!decoded.ok) return { ok: false, reason: rejectionReason(fields, this.names, decoded.reason) };
    const time = this.readTime(fields);
    if (typeof time === 'string') return { ok: false, reason: rejectionReason(fields, this.names, time) };
    return { ok: true, values: decoded.values, time };
  }

  /**
   * The row at the header's width: one that leaves out trailing columns the file never fills is
   * completed with them empty, and one that only adds empty fields past the last column (a
   * delimiter at the end of the line) is cut to it (rowWidth.ts).
   */
  private fitted(fields: readonly string[]): readonly string[] {
    const width = this.schema.columns.length;
    if (fields.length > width) return withoutEmptyExtraFields(fields, width);
    const missing = width - fields.length;
    if (missing <= 0 || missing > (this.schema.emptyTrailingColumns ?? 0)) return fields;
    return [...fields, ...new Array<string>(missing).fill('')];
  }

  snapshot(): SplitTimelineState | null {
    return this.timeline?.snapshot() ?? null;
  }

  restore(state: SplitTimelineState | null): void {
    if (state && this.timeline) this.timeline.restore(state);
  }
}
