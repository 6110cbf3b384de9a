/**
 * The bytes a RowBatch travels to the SQL worker as (and the engine keeps to restore a lost
 * worker's table). V8's serializer writes every text cell out in full and its deserializer makes a
 * new string for each: on a traffic file, where a batch's texts are a few dozen distinct values
 * (the same times, dates, weekdays and junctions row after row), that was the SQL worker's largest
 * single cost (1.3 s of its 10 s for a million rows with two windows declared) and much of its
 * garbage. Here each distinct text of a batch is written once, in a dictionary, and the cells
 * refer to it, so decoding makes each text once and the rows share it.
 *
 * Layout: V8's serialization of { rows, texts, meta, cells }, where `cells` holds, row after row,
 * the row's cell count (u32) and per cell a tag byte and its payload, little-endian:
 *   NULL       nothing
 *   INT8       i8       (whole numbers from -128 to 127, not -0: counts mostly are)
 *   INT16      i16      (whole numbers within 16 bits)
 *   INT32      i32      (whole numbers within 32 bits)
 *   NUMBER     f64      (any other number, NaN and the infinities included)
 *   TEXT       u32      (index into `texts`)
 *   UNDEFINED  nothing  (not a CellValue, but a row from elsewhere could hold one: kept as is)
 * A cell of any other kind makes the whole batch go as V8 serializes it, so nothing is ever lost.
 */
import { deserialize, serialize } from 'node:v8';
import type { CellValue } from '../../../shared/records';
import type { RowBatch } from './rowBatch';

const NULL = 0;
const INT8 = 1;
const INT16 = 2;
const INT32 = 3;
const NUMBER = 4;
const TEXT = 5;
const UNDEFINED = 6;

/** Which form the bytes hold. */
const COMPACT = 1;
const PLAIN = 0;

interface CompactBatch {
  form: typeof COMPACT;
  rows: number;
  texts: string[];
  meta: Float64Array<ArrayBuffer>;
  cells: Uint8Array;
}

interface PlainBatch {
  form: typeof PLAIN;
  batch: RowBatch;
}

/** A growing byte buffer written through a DataView. */
class CellWriter {
  bytes = new Uint8Array(64 * 1024);
  view = new DataView(this.bytes.buffer);
  at = 0;

  reserve(more: number): void {
    if (this.at + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + more));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.at);
  }
}

const isInt32 = (value: number): boolean => value === (value | 0) && !(value === 0 && 1 / value < 0);

/** Null when a cell is of a kind the compact form does not carry. */
function compactCells(values: readonly (readonly CellValue[])[]): { texts: string[]; cells: Uint8Array } | null {
  const writer = new CellWriter();
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  for (let r = 0; r < values.length; r++) {
    const row = values[r] as readonly unknown[];
    // At most 9 bytes a cell, 4 for the count.
    writer.reserve(4 + row.length * 9);
    const view = writer.view;
    let at = writer.at;
    view.setUint32(at, row.length, true);
    at += 4;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === 'string') {
        let index = textIndex.get(value);
        if (index === undefined) {
          index = texts.length;
          texts.push(value);
          textIndex.set(value, index);
        }
        view.setUint8(at, TEXT);
        view.setUint32(at + 1, index, true);
        at += 5;
      } else if (typeof value === 'number') {
        if (!isInt32(value)) {
          view.setUint8(at, NUMBER);
          view.setFloat64(at + 1, value, true);
          at += 9;
        } else if (value >= -0x80 && value < 0x80) {
          view.setUint8(at, INT8);
          view.setInt8(at + 1, value);
          at += 2;
        } else if (value >= -0x8000 && value < 0x8000) {
          view.setUint8(at, INT16);
          view.setInt16(at + 1, value, true);
          at += 3;
        } else {
          view.setUint8(at, INT32);
          view.setInt32(at + 1, value, true);
          at += 5;
        }
      } else if (value === null) {
        view.setUint8(at++, NULL);
      } else if (value === undefined) {
        view.setUint8(at++, UNDEFINED);
      } else {
        return null;
      }
    }
    writer.at = at;
  }
  return { texts, cells: writer.result() };
}

export function encodeRowBatch(batch: RowBatch): Uint8Array {
  const compact = compactCells(batch.values);
  const message: CompactBatch | PlainBatch = compact
    ? { form: COMPACT, rows: batch.values.length, texts: compact.texts, meta: batch.meta, cells: compact.cells }
    : { form: PLAIN, batch };
  return serialize(message);
}

export function decodeRowBatch(bytes: Uint8Array): RowBatch {
  const message = deserialize(bytes) as CompactBatch | PlainBatch;
  if (message.form === PLAIN) return message.batch;
  const { rows, texts, meta, cells } = message;
  const view = new DataView(cells.buffer, cells.byteOffset, cells.byteLength);
  const values = new Array<CellValue[]>(rows);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const count = view.getUint32(at, true);
    at += 4;
    // Filled by push, so the row is a packed array (the inserts read it cell by cell).
    const row: CellValue[] = [];
    for (let c = 0; c < count; c++) {
      const tag = view.getUint8(at++);
      if (tag === TEXT) {
        row.push(texts[view.getUint32(at, true)] as string);
        at += 4;
      } else if (tag === INT8) {
        row.push(view.getInt8(at));
        at += 1;
      } else if (tag === INT16) {
        row.push(view.getInt16(at, true));
        at += 2;
      } else if (tag === INT32) {
        row.push(view.getInt32(at, true));
        at += 4;
      } else if (tag === NUMBER) {
        row.push(view.getFloat64(at, true));
        at += 8;
      } else if (tag === NULL) {
        row.push(null);
      } else {
        row.push(undefined as unknown as CellValue);
      }
    }
    values[r] = row;
  }
  return { values, meta };
}
