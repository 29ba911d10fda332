// Just enough PNG decoding to compare two screenshots pixel by pixel (8-bit RGB / RGBA, no
// interlacing: what Chromium and Firefox write).
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** Bytes per pixel: 3 (RGB) or 4 (RGBA). */
  channels: number;
  data: Uint8Array;
}

export function decodePng(png: Buffer): Pixels {
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const chunk = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      const colourType = chunk[9];
      if (chunk[8] !== 8 || chunk[12] !== 0 || (colourType !== 2 && colourType !== 6))
        throw new Error('only 8-bit, non-interlaced RGB / RGBA PNGs are supported');
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(chunk);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (data[y * stride + x - channels] as number) : 0;
      const up = y > 0 ? (data[(y - 1) * stride + x] as number) : 0;
      const upLeft = x >= channels && y > 0 ? (data[(y - 1) * stride + x - channels] as number) : 0;
      let value = raw[line + x] as number;
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      data[y * stride + x] = value & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** How many pixels differ, and by how much at most (largest difference in any colour channel, 0–255). */
export function comparePixels(a: Pixels, b: Pixels): { differing: number; largest: number } {
  if (a.width !== b.width || a.height !== b.height) return { differing: a.width * a.height, largest: 255 };
  let differing = 0;
  let largest = 0;
  for (let p = 0; p < a.width * a.height; p++) {
    let d = 0;
    for (let c = 0; c < 3; c++)
      d = Math.max(
        d,
        Math.abs((a.data[p * a.channels + c] as number) - (b.data[p * b.channels + c] as number)),
      );
    if (d > 0) differing++;
    largest = Math.max(largest, d);
  }
  return { differing, largest };
}
