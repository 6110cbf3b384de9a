/**
 * The source svg → icon file bytes. Each size is rasterised from the vector image itself (never
 * downscaled from a larger bitmap), so small sizes stay sharp. Rendering is deterministic: no system
 * fonts are loaded (the icon has no text) and nothing depends on the time or the machine's settings.
 */
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import type { IconTarget } from './iconTargets';

/** A square PNG, `size` pixels wide, of the svg scaled to that width. */
export function renderPng(svg: string | Buffer, size: number): Buffer {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    logLevel: 'off',
  }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`the icon svg must be square: rendered ${image.width}×${image.height} for size ${size}`);
  }
  return image.asPng();
}

/** A Windows .ico with one image per size, each rendered from the svg at that size. */
export async function renderIco(svg: string | Buffer, sizes: readonly number[]): Promise<Buffer> {
  return pngToIco(sizes.map((size) => renderPng(svg, size)));
}

/** The bytes of one target of the icon table. */
export async function renderTarget(svg: string | Buffer, target: IconTarget): Promise<Buffer> {
  return target.kind === 'png' ? renderPng(svg, target.size) : renderIco(svg, target.sizes);
}
