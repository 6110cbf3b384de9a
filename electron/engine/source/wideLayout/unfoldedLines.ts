/**
 * Which line of the original file each line of an unfolded copy came from (unfoldWideFile.ts). The
 * copy is what is read, so its records and rejected rows carry the copy's line numbers: line 98 of
 * the copy is line 3 of the user's file. Every line shown (the feed, rejected rows, late rows,
 * health flags) must be the user's, so the replay's source maps them back (lineMappedSource.ts).
 *
 * The copy writes consecutive rows of one day interval by interval: a group of n original rows
 * becomes n × intervals copy lines, row after row for each interval. So a group is its first copy
 * line and its rows' original lines; plain data, so it travels to a worker with the file.
 */
export interface UnfoldedLineGroup {
  /** The copy's line of the group's first record. */
  copyStart: number;
  /** The original lines of the group's rows, in the order they repeat in the copy. */
  lines: number[];
  /**
   * Set when each row's records are written one after another (a row per counter): how many a row
   * became. Absent, the rows take turns (a row per time of day: every site at 00:00, then at 00:15…).
   */
  recordsPerRow?: number;
}

export interface UnfoldedLineMap {
  groups: UnfoldedLineGroup[];
}

/** The original line of copy line `line`; lines outside every group (the header) are left as they are. */
export function originalLine(map: UnfoldedLineMap, line: number): number {
  const { groups } = map;
  let low = 0;
  let high = groups.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((groups[middle] as UnfoldedLineGroup).copyStart <= line) low = middle + 1;
    else high = middle - 1;
  }
  const group = groups[high];
  if (group === undefined || group.lines.length === 0) return line;
  const at = group.recordsPerRow === undefined ? (line - group.copyStart) % group.lines.length : Math.floor((line - group.copyStart) / group.recordsPerRow);
  return group.lines[Math.min(at, group.lines.length - 1)] as number;
}
