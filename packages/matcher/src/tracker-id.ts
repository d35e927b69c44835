// A stable numeric-string id for a tracker given without one, so that repeated runs agree.
// FNV-1a over the name's UTF-16 units, 64 bits, folded into 16 decimal digits like Symbl's ids.
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK64 = (1n << 64n) - 1n;

export function trackerIdFor(name: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < name.length; i++) {
    hash ^= BigInt(name.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK64;
  }
  return String(1_000_000_000_000_000n + (hash % 9_000_000_000_000_000n));
}
