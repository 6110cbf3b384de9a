/**
 * The committed icons in resources/ are exactly what `npm run icons` makes from resources/icon.svg
 * now: every file of the icon table exists, has its sizes, and shows the same pixels as a fresh
 * render. Editing the svg without re-running the script, or deleting an icon, fails here.
 *
 * Pixels are compared with a small tolerance rather than byte for byte: resvg's rasteriser may round
 * an antialiased edge differently on another CPU architecture, and a one-level difference there is not
 * a stale icon. Any real change to the svg (a colour, a shape, a position) moves pixels much further.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeIcoImage, decodePng, maxChannelDifference, pngSize, readIco } from './iconImages';
import type { RgbaImage } from './iconImages';
import { ICON_TARGETS, LINUX_ICON_DIR, LINUX_ICON_SIZES, SOURCE_SVG, WINDOWS_ICO_SIZES } from './iconTargets';
import { renderIco, renderPng } from './renderIcon';

const ROOT = resolve(__dirname, '..', '..');
const RERUN = `resources/ is stale: run \`npm run icons\` after changing ${SOURCE_SVG}, and commit the result`;
/** Largest per-channel difference (of 255) still taken as the same picture; see the comment above. */
const TOLERANCE = 2;

const svg = readFileSync(join(ROOT, SOURCE_SVG));

function committed(path: string): Buffer {
  const file = join(ROOT, path);
  if (!existsSync(file)) throw new Error(`${path} is missing: ${RERUN}`);
  return readFileSync(file);
}

/** How far `image` is from the svg rendered afresh at its size. */
function differenceFromSource(image: RgbaImage, source: Buffer = svg): number {
  return maxChannelDifference(image, decodePng(renderPng(source, image.width)));
}

describe('icons rendered from resources/icon.svg', () => {
  it('lists the outputs electron-builder reads for each installer', () => {
    const paths = ICON_TARGETS.map((target) => target.path);
    expect(paths).toEqual(expect.arrayContaining(['resources/icon.png', 'resources/icon.ico', `${LINUX_ICON_DIR}/512x512.png`]));
    expect(new Set(paths).size).toBe(paths.length);
    for (const target of ICON_TARGETS) expect(target.why.length, target.path).toBeGreaterThan(0);
  });

  for (const target of ICON_TARGETS) {
    if (target.kind === 'png') {
      it(`${target.path} is ${target.size}×${target.size} and matches a fresh render`, () => {
        const bytes = committed(target.path);
        expect(pngSize(bytes), `${target.path} dimensions; ${RERUN}`).toEqual({ width: target.size, height: target.size });
        if (bytes.equals(renderPng(svg, target.size))) return;
        expect(differenceFromSource(decodePng(bytes)), `${target.path} differs from ${SOURCE_SVG}; ${RERUN}`).toBeLessThanOrEqual(TOLERANCE);
      });
    } else {
      it(`${target.path} holds exactly ${target.sizes.join(', ')} and matches a fresh render`, async () => {
        const bytes = committed(target.path);
        expect(bytes.readUInt16LE(0), 'ICONDIR reserved').toBe(0);
        expect(bytes.readUInt16LE(2), 'ICONDIR type (1 = icon)').toBe(1);
        expect(bytes.readUInt16LE(4), `ICONDIR count; ${RERUN}`).toBe(target.sizes.length);
        const entries = readIco(bytes);
        expect(
          entries.map((entry) => entry.size),
          RERUN,
        ).toEqual([...target.sizes]);
        if (bytes.equals(await renderIco(svg, target.sizes))) return;
        for (const entry of entries) {
          expect(entry.height, `${entry.size} px entry is square`).toBe(entry.size);
          const image = decodeIcoImage(entry);
          expect(differenceFromSource(image), `${target.path} ${entry.size} px differs from ${SOURCE_SVG}; ${RERUN}`).toBeLessThanOrEqual(TOLERANCE);
        }
      });
    }
  }

  it(`${LINUX_ICON_DIR} holds only the icon set's sizes (electron-builder takes every NxN.png there)`, () => {
    expect(existsSync(join(ROOT, LINUX_ICON_DIR)), `${LINUX_ICON_DIR} is missing: ${RERUN}`).toBe(true);
    expect(readdirSync(join(ROOT, LINUX_ICON_DIR)).sort(), RERUN).toEqual(LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
  });

  it('covers the sizes each platform needs', () => {
    expect(Math.max(...LINUX_ICON_SIZES)).toBeGreaterThanOrEqual(512);
    expect(WINDOWS_ICO_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const mac = ICON_TARGETS.find((target) => target.path === 'resources/icon.png');
    expect(mac?.kind === 'png' && mac.size >= 512, 'electron-builder needs a PNG of at least 512 px for the .icns').toBe(true);
  });

  it('would notice a changed svg: a slightly different icon lies well beyond the tolerance', () => {
    const recoloured = svg.toString('utf8').replace('#ffbd2e', '#ffb02e');
    const moved = svg.toString('utf8').replace('cx="32" cy="46"', 'cx="32" cy="47"');
    expect(recoloured).not.toBe(svg.toString('utf8'));
    expect(moved).not.toBe(svg.toString('utf8'));
    for (const size of [16, 256]) {
      const current = decodePng(renderPng(svg, size));
      expect(differenceFromSource(current)).toBe(0);
      expect(differenceFromSource(current, Buffer.from(recoloured))).toBeGreaterThan(TOLERANCE);
      expect(differenceFromSource(current, Buffer.from(moved))).toBeGreaterThan(TOLERANCE);
    }
  });

  it('reads pixels the way resvg wrote them (the decoder behind the comparison)', () => {
    const image = decodePng(renderPng(svg, 64));
    const corner = Array.from(image.rgba.subarray(0, 4));
    const centre = (32 * 64 + 32) * 4;
    expect(corner[3], 'the rounded corner is transparent').toBe(0);
    // The middle (amber) light at the centre of the icon: #ffbd2e, opaque.
    expect(Array.from(image.rgba.subarray(centre, centre + 4))).toEqual([0xff, 0xbd, 0x2e, 0xff]);
  });
});
