/**
 * Draws the toolbar icons (public/icon/<size>.png) so that they are the project's own and can be
 * redrawn at any size: a teal rounded square with a white bookmark carrying a check mark.
 * Run with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const TEAL: Rgb = [13, 115, 119];
const WHITE: Rgb = [255, 255, 255];
type Rgb = [number, number, number];

/** Shapes in a unit square; each answers whether a point is inside. */
function insideRoundedSquare(x: number, y: number): boolean {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideBookmark(x: number, y: number): boolean {
  if (x < 0.28 || x > 0.72 || y < 0.18 || y > 0.84) return false;
  // The notch at the bottom: a V cut from the lower edge up to 0.66.
  const notchDepth = 0.18 * (1 - Math.abs(x - 0.5) / 0.22);
  return y <= 0.84 - notchDepth;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const t = Math.max(
    0,
    Math.min(
      1,
      ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
    ),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function onCheckMark(x: number, y: number): boolean {
  const w = 0.045;
  return (
    distanceToSegment(x, y, 0.37, 0.44, 0.47, 0.54) < w ||
    distanceToSegment(x, y, 0.47, 0.54, 0.64, 0.34) < w
  );
}

function pixel(x: number, y: number): [number, number, number, number] {
  if (!insideRoundedSquare(x, y)) return [0, 0, 0, 0];
  if (insideBookmark(x, y) && !onCheckMark(x, y)) return [...WHITE, 255];
  return [...TEAL, 255];
}

function render(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let row = 0; row < size; row++) {
    const line = Buffer.alloc(1 + size * 4); // leading 0: PNG filter type "none"
    for (let col = 0; col < size; col++) {
      let [red, green, blue, coverage] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = pixel(
            (col + (sx + 0.5) / samples) / size,
            (row + (sy + 0.5) / samples) / size,
          );
          red += r * a;
          green += g * a;
          blue += b * a;
          coverage += a;
        }
      }
      const offset = 1 + col * 4;
      const average = (channel: number) => (coverage ? Math.round(channel / coverage) : 0);
      line[offset] = average(red);
      line[offset + 1] = average(green);
      line[offset + 2] = average(blue);
      line[offset + 3] = Math.round(coverage / (samples * samples));
    }
    rows.push(line);
  }
  return encodePng(size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, render(size));
console.log(`wrote ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
