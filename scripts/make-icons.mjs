// Draws the add-in's icons (a horseshoe magnet on a teal tile) at every size the manifest needs.
// Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function pixel(x, y) {
  // Unit coordinates in [0,1], centre of the pixel.
  const r = 0.18;
  const inTile =
    Math.max(Math.abs(x - 0.5) - (0.5 - r), 0) ** 2 +
      Math.max(Math.abs(y - 0.5) - (0.5 - r), 0) ** 2 <=
    r * r;
  if (!inTile) return [0, 0, 0, 0];
  const dx = x - 0.5;
  const dy = y - 0.42;
  const dist = Math.hypot(dx, dy);
  const ring = dist >= 0.15 && dist <= 0.3 && dy <= 0;
  const legs = Math.abs(dx) >= 0.15 && Math.abs(dx) <= 0.3 && dy > 0 && y <= 0.8;
  if (ring || legs) {
    const tip = legs && y > 0.66;
    return tip ? [236, 239, 241, 255] : [229, 57, 53, 255];
  }
  return [0, 105, 120, 255];
}

for (const size of [16, 32, 64, 80, 128]) {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const p = pixel((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          for (let i = 0; i < 4; i++) acc[i] += p[i];
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let i = 0; i < 4; i++) raw[o + i] = Math.round(acc[i] / (samples * samples));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  writeFileSync(`assets/icon-${size}.png`, png);
}
