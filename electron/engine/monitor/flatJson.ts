/**
 * A JSON message's fields as flat columns. Producers group fields into objects
 * (`{"sensor":{"id":"A1","lane":2},"counts":{"cars":5}}`); read as whole objects, `sensor` became
 * one text column of JSON and the counts no number at all, so the monitor had no location and
 * nothing to measure. Nested objects are walked to their leaves, named by their path
 * (`sensor.id`, `counts.cars`), as SQL engines and log tools name them. Arrays stay one value.
 * The caller has bounded the nesting (jsonNesting.ts), so the walk cannot overflow the stack.
 */
export function flattenObject(object: Record<string, unknown>): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  const walk = (value: Record<string, unknown>, prefix: string): void => {
    for (const [key, inner] of Object.entries(value)) {
      const name = prefix === '' ? key : `${prefix}.${key}`;
      const nested = inner !== null && typeof inner === 'object' && !Array.isArray(inner) && Object.keys(inner).length > 0;
      if (nested) walk(inner as Record<string, unknown>, name);
      // A top-level key spelled like a path (`"sensor.id"`) and a nested one: the first one written wins.
      else if (!fields.has(name)) fields.set(name, inner);
    }
  };
  walk(object, '');
  return fields;
}
