// Draws the toolbar icons (assets/icons/icon-N.png): a blue rounded square with three lines of
// "story" and a yellow dot. Rendered with 4x4 supersampling and encoded as PNG with node:zlib,
// so the icons are reproducible from this file. Run: npx tsx scripts/make-icons.ts
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const BLUE: Rgba = [29, 58, 138, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const YELLOW: Rgba = [255, 212, 92, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function roundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at a point of the unit square. */
function paint(x: number, y: number): Rgba {
  if (!roundedRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.2)) return CLEAR;
  if ((x - 0.3) ** 2 + (y - 0.3) ** 2 <= 0.085 ** 2) return YELLOW;
  const bars: [number, number, number][] = [
    [0.45, 0.24, 0.8],
    [0.24, 0.5, 0.8],
    [0.24, 0.76, 0.62],
  ];
  for (const [x0, cy, x1] of bars) if (roundedRect(x, y, x0, cy - 0.055, x1, cy + 0.055, 0.055)) return WHITE;
  return BLUE;
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          sum[0]! += r * a; sum[1]! += g * a; sum[2]! += b * a; sum[3]! += a;
        }
      }
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      const alpha = sum[3]!;
      raw[offset] = alpha ? Math.round(sum[0]! / alpha) : 0;
      raw[offset + 1] = alpha ? Math.round(sum[1]! / alpha) : 0;
      raw[offset + 2] = alpha ? Math.round(sum[2]! / alpha) : 0;
      raw[offset + 3] = Math.round(alpha / samples ** 2);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`assets/icons/icon-${size}.png`, png(size));
