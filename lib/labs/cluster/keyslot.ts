/**
 * A key's hash slot, as Valkey computes it (keyHashSlot in src/cluster.c): CRC16 (XMODEM) of the
 * key, or of its hash tag (the bytes between the first `{` and the next `}`, when not empty), mod 16384.
 */
export const SLOT_COUNT = 16384;

const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[byte] = crc;
  }
  return table;
})();

export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ byte) & 0xff] as number);
  return crc;
}

/** Where the hashed part of a key starts and ends (end exclusive): the hash tag's bytes, or the whole key. */
export function hashedRange(key: Uint8Array): { start: number; end: number; tagged: boolean } {
  const open = key.indexOf(0x7b); // {
  if (open !== -1) {
    const close = key.indexOf(0x7d, open + 1); // }
    if (close !== -1 && close !== open + 1) return { start: open + 1, end: close, tagged: true };
  }
  return { start: 0, end: key.length, tagged: false };
}

export function keySlot(key: string | Uint8Array): number {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  const { start, end } = hashedRange(bytes);
  return crc16(bytes.subarray(start, end)) % SLOT_COUNT;
}
