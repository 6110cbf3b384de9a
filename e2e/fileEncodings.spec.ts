import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const SITES = ['Hauptstraße', 'Nordring', 'Kärntner Ring', 'Bahnhof', 'Südtor', 'Messe'];

/** A semicolon file of site counts, as agencies export it: 16 slots of six sites, three with an umlaut or ß. */
function siteCounts(): string {
  const lines = ['Zeit;Zählstelle;Kfz'];
  for (let slot = 0; slot < 16; slot++) {
    const time = new Date(Date.UTC(2026, 9, 1) + slot * 900_000).toISOString();
    SITES.forEach((site, index) => lines.push(`${time};${site};${(slot * 7 + index * 13) % 300}`));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function fixture(name: string, content: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tm-encoding-')), name);
  writeFileSync(path, content);
  return path;
}

test('a Latin-1 export opens as Windows-1252, says so, and keeps every row; choosing UTF-8 in Edit roles rejects the umlaut rows naming UTF-8', async ({ app }) => {
  await app.openFile(fixture('zaehlstellen.csv', Buffer.from(siteCounts(), 'latin1')));
  await expect(app.page.getByTestId('file-encoding')).toHaveText('· Encoding: Windows-1252, detected');
  await expect(app.columns.getByRole('row', { name: /^Zählstelle / })).toBeVisible();
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 96, accepted: 96, rejected: 0 });

  await app.page.getByRole('button', { name: 'Edit roles…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Column roles' });
  const encoding = dialog.getByRole('combobox', { name: 'Text encoding' });
  await expect(encoding.locator('option:checked')).toHaveText('Detect from the bytes (Windows-1252)');
  await encoding.selectOption('utf-8');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.getByTestId('file-encoding')).toHaveText('· Encoding: UTF-8, chosen');
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 96, accepted: 48, rejected: 48 });
  await expect(app.rejected.table.getByRole('row').nth(1)).toContainText('invalid UTF-8');

  // Back to detection: Windows-1252 again, every row kept.
  await app.page.getByRole('button', { name: 'Edit roles…' }).click();
  await dialog.getByRole('button', { name: 'Back to inferred' }).click();
  await expect(app.page.getByTestId('file-encoding')).toHaveText('· Encoding: Windows-1252, detected');
});

test('a UTF-16 file with a byte-order mark (Excel\'s "Unicode text") opens and replays', async ({ app }) => {
  await app.openFile(fixture('unicode-text.txt.csv', Buffer.from(`\ufeff${siteCounts().replaceAll(';', '\t')}`, 'utf16le')));
  await expect(app.page.getByTestId('file-encoding')).toHaveText('· Encoding: UTF-16 LE, detected');
  await expect(app.page.getByText(/tab-separated/)).toBeVisible();
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 96, accepted: 96, rejected: 0 });
});
