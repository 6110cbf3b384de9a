/**
 * A header of two rows, a group heading over repeated names, as turning-movement and classification
 * counts are laid out in a spreadsheet: `,Southbound,,,Westbound,,,` over
 * `Start Time,Left,Thru,Right,Left,Thru,Right`. The names alone repeat (`Left`, `Left (2)`…) and say
 * nothing of which approach; with their group (merged cells: the heading written once, then empty
 * cells to its right) they do: `Southbound Left`, `Westbound Left`. A heading whose every column
 * has its own label (SCATS' `Start Time,0:00,0:15,…` over `V00,V01,…`) heads no group, and names
 * that are unique already are kept as they are.
 */

/** The header's names with their group's heading before them, or null when the names need none. */
export function namesWithGroups(heading: readonly string[], names: readonly string[]): string[] | null {
  const trimmed = names.map((name) => name.trim());
  const seen = new Set<string>();
  const repeated = trimmed.some((name) => {
    const key = name.toLowerCase();
    if (name === '' || !seen.has(key)) {
      seen.add(key);
      return false;
    }
    return true;
  });
  if (!repeated) return null;
  let group = '';
  let spans = false;
  const combined = trimmed.map((name, index) => {
    const label = (heading[index] ?? '').trim();
    if (label !== '') group = label;
    else if (group !== '') spans = true;
    return group === '' || name === '' ? name : `${group} ${name}`;
  });
  if (!spans) return null;
  const unique = new Set(combined.map((name) => name.toLowerCase()));
  return unique.size === combined.length ? combined : null;
}
