// Code points of bytes 0x80-0x9F in windows-1252 (0 = undefined, kept as the C1 control).
const HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes windows-1252 (and ISO-8859-1, which readers treat as it); Node 20's TextDecoder maps 0x80-0x9F wrong. */
export function decodeWindows1252(body: Uint8Array): string {
  let out = "";
  const step = 8192;
  for (let start = 0; start < body.length; start += step) {
    const codes = Array.from(body.subarray(start, start + step), (b) =>
      b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] || b : b,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}
