/**
 * Writes the small JSON side files (network, incidents) in a diff-friendly
 * layout: one array element per line instead of JSON.stringify's one value per
 * line, so a 17-link network is 17 readable lines rather than 119.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

function elementsPerLine(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `${indent}  ${JSON.stringify(item)}`).join(',\n')}\n${indent}]`;
}

/** Top-level arrays, and arrays one level down in a top-level object, get one element per line. */
export function formatJson(value: unknown): string {
  if (Array.isArray(value)) return `${elementsPerLine(value, '')}\n`;
  if (value === null || typeof value !== 'object') return `${JSON.stringify(value)}\n`;
  const fields = Object.entries(value).map(
    ([key, field]) => `  ${JSON.stringify(key)}: ${Array.isArray(field) ? elementsPerLine(field, '  ') : JSON.stringify(field)}`,
  );
  return `{\n${fields.join(',\n')}\n}\n`;
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, formatJson(value));
}
