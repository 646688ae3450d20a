/**
 * The social card's PNG writer (src/render/png.ts), read back the way a
 * decoder reads it: chunk by chunk with their checksums, the image data
 * inflated and taken apart row by row.
 */
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/render/png.ts';

type Chunk = { type: string; data: Buffer };

function chunks(png: Buffer): Chunk[] {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const out: Chunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `checksum of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)) >>> 0);
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

/** The pixels of an 8-bit RGBA PNG without interlacing whose rows all use filter 0, as written here. */
function decode(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const all = chunks(png);
  expect(all.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = all[0]!.data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
  const raw = inflateSync(all[1]!.data);
  const stride = 1 + width * 4;
  expect(raw.length).toBe(height * stride);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride], `filter of row ${y}`).toBe(0);
    raw.copy(rgba, y * width * 4, y * stride + 1, (y + 1) * stride);
  }
  return { width, height, rgba };
}

describe('encodePng', () => {
  it('writes the pixels it is given, row by row, in a PNG a decoder reads back', async () => {
    const [width, height] = [37, 11];
    const rgba = Buffer.alloc(width * height * 4);
    // Every pixel different from its neighbours, and from the same place in other rows.
    for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 7919 + (i >> 2) * 31) & 0xff;
    const image = decode(await encodePng(rgba, width, height));
    expect([image.width, image.height]).toEqual([width, height]);
    expect(image.rgba.equals(rgba)).toBe(true);
  });

  it('compresses a flat image to a small file', async () => {
    const [width, height] = [1200, 630];
    const rgba = Buffer.alloc(width * height * 4, 0xfb);
    const png = await encodePng(rgba, width, height);
    expect(png.length).toBeLessThan(20_000);
    expect(decode(png).rgba.equals(rgba)).toBe(true);
  });

  it('refuses pixels that do not match the size', async () => {
    await expect(encodePng(new Uint8Array(10), 2, 2)).rejects.toThrow('encodePng: 10 bytes for 2 × 2 pixels');
  });
});
