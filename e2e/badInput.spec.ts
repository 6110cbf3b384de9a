import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const HEADER = 'Time,Date,Day of the week,CarCount,BikeCount,BusCount,TruckCount,Total,Traffic Situation';

function fixture(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tm-bad-')), name);
  writeFileSync(path, content);
  return path;
}

test('a malformed file replays its good rows and lists the rejected ones with line and reason', async ({ app }) => {
  const lines = [
    HEADER,
    '12:00:00 AM,10,Tuesday,31,0,4,4,39,low',
    '12:15:00 AM,10,Tuesday,49,0,3,3,55,low',
    '12:30:00 AM,10,Tuesday,46,0,3', // ragged: line 4
    '12:45:00 AM,10,Tuesday,51,0,2,5,lots,low', // not a number: line 5
    '1:00:00 AM,10,Tuesday,57,1,2,6,66,normal',
  ];
  // BOM and CRLF line ends, as spreadsheet exports write them.
  await app.openFile(fixture('broken.csv', `\uFEFF${lines.join('\r\n')}\r\n`));
  await expect(app.columnType('Time')).toHaveText('time');
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 5, accepted: 3, rejected: 2 });
  await expect(app.rejected.total).toHaveText('2');
  const rows = app.rejected.table.getByRole('row');
  await expect(rows.nth(1)).toContainText('4');
  await expect(rows.nth(1)).toContainText('expected 9 fields, found 6');
  await expect(rows.nth(2)).toContainText('5');
  await expect(rows.nth(2)).toContainText('column "Total" expects a number, found "lots"');
  await expect(app.feed.rows).toHaveCount(3);
});

test('files that are not CSV get a clear message and the app keeps working', async ({ app }) => {
  await app.uploadFile(fixture('empty.csv', ''));
  await expect(app.error).toContainText('empty');

  await app.uploadFile(fixture('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])));
  await expect(app.error).toContainText('binary data');

  await app.openFile(fixture('header-only.csv', `${HEADER}\n`));
  await expect(app.columns.getByRole('row', { name: /^Traffic Situation / })).toBeVisible();
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 0, accepted: 0, rejected: 0 });

  // Still usable: the sample opens and replays after all of that.
  await app.page.getByRole('button', { name: 'Open CSV…' }).isVisible();
  await app.openFile(fixture('good.csv', `${HEADER}\n12:00:00 AM,10,Tuesday,31,0,4,4,39,low\n`));
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 1, accepted: 1, rejected: 0 });
});
