/** Header cells become unique, non-empty column names the user can refer to. */
export function normaliseHeader(cells: readonly string[]): string[] {
  // Tracks the names handed out, not the cells seen: a header may already hold "Total (2)" or
  // "Column 3", and a suffixed or generated name must not collide with it.
  const used = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? `Column ${index + 1}` : cell.trim();
    let name = base;
    for (let times = 2; used.has(name); times++) name = `${base} (${times})`;
    used.add(name);
    return name;
  });
}
