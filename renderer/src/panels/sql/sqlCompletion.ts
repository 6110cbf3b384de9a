/**
 * Names the editor offers while typing: the live table, its columns and the user's own tables
 * and views. Data columns often have spaces or keywords in their names ("Day of the week"), so
 * a name is inserted quoted wherever SQLite needs it. Pure: the CodeMirror glue is elsewhere.
 */
import type { SqlColumn, SqlObject } from '../../../../shared/sql/sqlContract';
import { quoteIdentifier } from '../../../../shared/sql/sqlIdentifiers';

export interface CompletionSchema {
  table: string;
  columns: readonly SqlColumn[];
  objects: readonly SqlObject[];
}

/** Where the name being typed starts, and what it is typed after. */
export interface CompletionSpot {
  /** Offset into the text given to completionSpot. */
  from: number;
  /** The user opened a double quote: offer quoted names, matched with the quote. */
  quoted: boolean;
  /** `x.` before the name: only x's columns fit. Unquoted as SQLite reads it. */
  qualifier: string | null;
  /** Characters typed of the name so far (0: nothing typed yet). */
  typed: number;
}

export interface NameCompletion {
  label: string;
  apply: string;
  type: 'class' | 'property';
  detail: string;
  /** Names of the data rank above SQL keywords matching the same letters. */
  boost: number;
}

/** Start of a double-quoted name still open at the end of the text, or -1; quotes inside strings do not count. */
function openQuoteStart(text: string): number {
  let open: '"' | "'" | null = null;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (open === null) {
      if (char === '"' || char === "'") {
        open = char;
        start = i;
      }
    } else if (char === open) {
      open = null; // a doubled quote closes and reopens, which this handles as two steps
    }
  }
  return open === '"' ? start : -1;
}

const QUALIFIER = /(?:"((?:[^"]|"")+)"|([A-Za-z_][\w$]*))\.$/;

function qualifierBefore(text: string): string | null {
  const match = QUALIFIER.exec(text);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replaceAll('""', '"') : (match[2] ?? null);
}

/** `textBefore`: the line up to the cursor. */
export function completionSpot(textBefore: string): CompletionSpot {
  const quoteStart = openQuoteStart(textBefore);
  if (quoteStart >= 0) {
    return { from: quoteStart, quoted: true, qualifier: qualifierBefore(textBefore.slice(0, quoteStart)), typed: textBefore.length - quoteStart };
  }
  const word = /[A-Za-z_][\w$]*$/.exec(textBefore);
  const from = word ? word.index : textBefore.length;
  return { from, quoted: false, qualifier: qualifierBefore(textBefore.slice(0, from)), typed: textBefore.length - from };
}

const alwaysQuoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function option(name: string, spot: CompletionSpot, type: NameCompletion['type'], detail: string, boost: number): NameCompletion {
  const apply = spot.quoted ? alwaysQuoted(name) : quoteIdentifier(name);
  return { label: spot.quoted ? apply : name, apply, type, detail, boost };
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function nameCompletions(schema: CompletionSchema, spot: CompletionSpot): NameCompletion[] {
  const liveColumns = schema.columns.map((column) => option(column.name, spot, 'property', column.system ? `${column.type} · added by the app` : column.type, 2));
  if (spot.qualifier !== null) {
    if (sameName(spot.qualifier, schema.table)) return liveColumns;
    const object = schema.objects.find((candidate) => sameName(candidate.name, spot.qualifier ?? ''));
    return object ? object.columns.map((name) => option(name, spot, 'property', `${object.name} column`, 2)) : [];
  }
  const seen = new Set(schema.columns.map((column) => column.name.toLowerCase()));
  const objectColumns: NameCompletion[] = [];
  for (const object of schema.objects) {
    for (const name of object.columns) {
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      objectColumns.push(option(name, spot, 'property', `${object.name} column`, 1));
    }
  }
  return [
    option(schema.table, spot, 'class', 'live table', 3),
    ...schema.objects.map((object) => option(object.name, spot, 'class', object.kind === 'window' ? 'window table' : `your ${object.kind}`, 3)),
    ...liveColumns,
    ...objectColumns,
  ];
}
