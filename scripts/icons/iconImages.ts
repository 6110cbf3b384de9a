/**
 * Just enough PNG and ICO reading to check the committed icons (icons.test.ts) without another
 * dependency: dimensions from the PNG header, the ICO directory, and the pixels of the 8-bit RGBA
 * PNGs resvg writes and the 32-bit bitmaps png-to-ico stores.
 */
import { inflateSync } from 'node:zlib';

/** Straight (not premultiplied) RGBA, 4 bytes a pixel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer): boolean {
  return bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR';
}

/** Width and height from the IHDR chunk, which a PNG must start with: big-endian at bytes 16–23. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!isPng(bytes)) throw new Error('not a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes a non-interlaced, 8-bit RGBA PNG (colour type 6), the only kind resvg writes. */
export function decodePng(bytes: Buffer): RgbaImage {
  const { width, height } = pngSize(bytes);
  const [bitDepth, colourType, , , interlace] = bytes.subarray(24, 29);
  if (bitDepth !== 8 || colourType !== 6 || interlace !== 0) {
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
  }
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  if (raw.length !== height * (stride + 1)) throw new Error(`PNG data is ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? (rgba[out + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rgba[out - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= 4 ? (rgba[out - stride + x - 4] ?? 0) : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4:
          predictor = paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`PNG row ${y} has unknown filter ${filter}`);
      }
      rgba[out + x] = ((line[x] ?? 0) + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** One entry of an ICO directory; `size` is the width with the stored 0 read as 256. */
export interface IcoEntry {
  size: number;
  height: number;
  bitsPerPixel: number;
  data: Buffer;
}

/** The ICONDIR header (reserved 0, type 1 = icon, count) and its 16-byte entries. */
export function readIco(bytes: Buffer): IcoEntry[] {
  if (bytes.length < 6 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const count = bytes.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let index = 0; index < count; index++) {
    const entry = 6 + index * 16;
    const length = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    if (offset + length > bytes.length) throw new Error(`ICO entry ${index} runs past the end of the file`);
    entries.push({
      size: bytes[entry] || 256,
      height: bytes[entry + 1] || 256,
      bitsPerPixel: bytes.readUInt16LE(entry + 6),
      data: bytes.subarray(offset, offset + length),
    });
  }
  return entries;
}

/** The pixels of one ICO image: an embedded PNG, or a 32-bit bitmap (BGRA rows bottom to top, then the AND mask). */
export function decodeIcoImage(entry: IcoEntry): RgbaImage {
  if (isPng(entry.data)) return decodePng(entry.data);
  const { data } = entry;
  const width = data.readInt32LE(4);
  const height = data.readInt32LE(8) / 2; // the bitmap height counts the colour rows and the mask rows
  const bitsPerPixel = data.readUInt16LE(14);
  if (data.readUInt32LE(0) !== 40 || bitsPerPixel !== 32 || data.readUInt32LE(16) !== 0) {
    throw new Error(`unsupported ICO bitmap: header ${data.readUInt32LE(0)}, ${bitsPerPixel} bits, compression ${data.readUInt32LE(16)}`);
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = 40 + ((height - 1 - y) * width + x) * 4;
      const to = (y * width + x) * 4;
      rgba[to] = data[from + 2] ?? 0;
      rgba[to + 1] = data[from + 1] ?? 0;
      rgba[to + 2] = data[from] ?? 0;
      rgba[to + 3] = data[from + 3] ?? 0;
    }
  }
  return { width, height, rgba };
}

/** The largest difference of any channel of any pixel; Infinity when the sizes differ. */
export function maxChannelDifference(a: RgbaImage, b: RgbaImage): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let max = 0;
  for (let index = 0; index < a.rgba.length; index++) max = Math.max(max, Math.abs((a.rgba[index] ?? 0) - (b.rgba[index] ?? 0)));
  return max;
}
