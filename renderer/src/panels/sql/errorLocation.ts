/** "line 2, column 8" for a character offset, so an error can be found without the underline (screen readers, long queries). */
export function errorLocation(sql: string, offset: number): string {
  const before = sql.slice(0, Math.max(0, Math.min(offset, sql.length)));
  const lines = before.split('\n');
  const line = lines.length;
  const column = (lines.at(-1)?.length ?? 0) + 1;
  return `line ${line}, column ${column}`;
}
