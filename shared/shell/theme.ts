/** The colour theme: follow the operating system, or force light or dark. */
import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const themeSchema = z.enum(THEMES);
