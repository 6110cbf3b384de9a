/**
 * The open file's name in the header, at the smallest supported window: a long name is cut with an
 * ellipsis after its start, its underscores are not clipped away, and the tooltip holds the whole
 * name, never the path of the host's uploaded copy (a server folder the user did not choose).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const LONG_NAME = 'junction_counts_northern_ring_road_2026_11_full_export_v3_final_checked.csv';

test.use({ viewport: { width: 1024, height: 700 } });

test('a long underscore-rich file name is truncated after its start, unclipped, with the whole name in its tooltip', async ({ app }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'tm-header-')), LONG_NAME);
  writeFileSync(path, 'time,location,count\n2026-11-01T00:00:00Z,J01,4\n2026-11-01T00:05:00Z,J01,6\n');
  await app.openFile(path);
  const name = app.page.getByTestId('file-name');

  await expect(name).toHaveAttribute('title', LONG_NAME);
  const box = await name.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    // Where the text's baseline is: the bottom of an empty inline-block sits on it.
    const probe = document.createElement('span');
    probe.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
    element.append(probe);
    const baseline = probe.getBoundingClientRect().bottom;
    probe.remove();
    // How far an underscore's ink reaches below the baseline in this font.
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    context.font = style.font;
    const underscoreDescent = context.measureText('_').actualBoundingBoxDescent;
    return {
      text: element.textContent ?? '',
      title: element.getAttribute('title') ?? '',
      width: rect.width,
      truncated: element.scrollWidth > element.clientWidth,
      ellipsis: style.textOverflow,
      // The element hides its overflow: ink below its bottom edge, as an underscore's, vanishes.
      underscoreClipped: baseline + underscoreDescent - rect.bottom,
    };
  });
  expect(box.text.startsWith('junction_counts_')).toBe(true);
  expect(box.truncated, 'the long name is cut, not spilling over the toolbar').toBe(true);
  expect(box.ellipsis).toBe('ellipsis');
  // Enough of the start shows to recognise the file.
  expect(box.width).toBeGreaterThanOrEqual(160);
  expect(box.underscoreClipped, 'pixels of the underscores cut off below the name').toBeLessThanOrEqual(0);
  for (const separator of ['/', '\\']) {
    expect(box.title).not.toContain(separator);
    expect(box.text).not.toContain(separator);
  }
});
