/**
 * A PNG of opaque RGBA pixels, written as 8-bit RGBA with zlib's fastest
 * level: a social card is flat colour and text, which compresses well enough
 * at that level. Each row is copied whole (a row's bytes are already in PNG's
 * order), and the compression runs on libuv's thread pool, so the build's
 * main thread goes on with other pages meanwhile.
 */
import { crc32, deflate } from 'node:zlib';
import { promisify } from 'node:util';

const deflateAsync = promisify(deflate);

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** `rgba` holds width × height pixels, four bytes each, row by row. */
export async function encodePng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width} × ${height} pixels`);
  const row = width * 4;
  const stride = 1 + row;
  // Each row starts with its filter byte: 0, none (Buffer.alloc leaves it 0).
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * row, y * row + row), y * stride + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods: 0
  const data = await deflateAsync(rows, { level: 1 });
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}
