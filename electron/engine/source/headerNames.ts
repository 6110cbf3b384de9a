/** The name a column without one is given: `Column 3` for the third. */
export function generatedName(index: number): string {
  return `Column ${index + 1}`;
}

/** True when `name` is the one given to column `index` because its header cell was empty (or the file has no header). */
export function isGeneratedName(name: string, index: number): boolean {
  return name === generatedName(index);
}

/** Header cells become unique, non-empty column names the user can refer to. */
export function normaliseHeader(cells: readonly string[]): string[] {
  // Tracks the names handed out, not the cells seen: a header may already hold "Total (2)" or
  // "Column 3", and a suffixed or generated name must not collide with it.
  const used = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? generatedName(index) : cell.trim();
    let name = base;
    for (let times = 2; used.has(name); times++) name = `${base} (${times})`;
    used.add(name);
    return name;
  });
}
