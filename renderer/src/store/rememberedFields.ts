/**
 * Options for zustand's `persist` that keep only the named fields in localStorage (in the desktop
 * app, inside the user data folder) and, reading them back, take each field only when its schema
 * accepts it: storage is the user's to edit or damage, and a value this version does not know
 * means the default.
 */
import type { z } from 'zod';
import type { PersistOptions } from 'zustand/middleware';

export function rememberedFields<S extends object, K extends keyof S>(name: string, schemas: { [P in K]: z.ZodType<S[P]> }): PersistOptions<S, Pick<S, K>> {
  const keys = Object.keys(schemas) as K[];
  return {
    name,
    version: 1,
    partialize: (state) => Object.fromEntries(keys.map((key) => [key, state[key]])) as Pick<S, K>,
    merge: (persisted, current) => {
      const stored = (persisted ?? {}) as Partial<Record<K, unknown>>;
      const accepted: Partial<S> = {};
      for (const key of keys) {
        const parsed = schemas[key].safeParse(stored[key]);
        if (parsed.success) accepted[key] = parsed.data;
      }
      return { ...current, ...accepted };
    },
  };
}
