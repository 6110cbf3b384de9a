/**
 * Whole numbers written with a dot between thousands and no decimals at all (`25.877` vehicles,
 * `535`), as Slovenian, German and other continental exports with `;` write counts. Read as plain
 * numbers they become 25.877: a thousand times too small, silently. The sign is a column whose
 * dotted values are all groups of three (`1.137`, `19.483`) beside undotted values under a thousand
 * (`56`, `535`): a column of decimals written with three places has no such undotted values. A file
 * that also holds decimals with a dot (`0.491`, `46.0569`) is not read this way; nor is any file
 * delimited by commas, whose numbers write a comma between thousands if anything.
 */
const GROUPED = /^-?[1-9]\d{0,2}(\.\d{3})+$/;
const UNGROUPED_SMALL = /^-?\d{1,3}$/;
const UNGROUPED_LARGE = /^-?\d{4,}$/;
const DOT_DECIMAL = /^-?\d*\.\d+$/;
/** Day-first dates with dots (`14.03.2025`) are neither groups nor decimals. */
const DOTTED_DATE = /^\d{1,2}\.\d{1,2}\.\d{2,4}/;

type ColumnKind = 'grouped' | 'decimal' | 'other';

function columnKind(values: readonly string[]): ColumnKind {
  let grouped = 0;
  let small = 0;
  for (const raw of values) {
    const value = raw.trim();
    if (value === '' || DOTTED_DATE.test(value)) continue;
    if (GROUPED.test(value)) grouped++;
    else if (UNGROUPED_SMALL.test(value)) small++;
    else if (DOT_DECIMAL.test(value)) return 'decimal';
    else if (UNGROUPED_LARGE.test(value)) return 'other';
  }
  return grouped > 0 && small > 0 ? 'grouped' : 'other';
}

/** A value of the file written with dots between thousands (see above), or null when it writes none so. */
export function dotGroupedThousandsExample(columns: readonly (readonly string[])[], delimiter: string): string | null {
  if (delimiter === ',') return null;
  const kinds = columns.map(columnKind);
  if (kinds.includes('decimal')) return null;
  const column = columns[kinds.indexOf('grouped')];
  return column?.find((value) => GROUPED.test(value.trim()))?.trim() ?? null;
}
