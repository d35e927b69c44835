// A coarse sound key for transcription errors: "sail" and "sale", "subscripshun" and "subscription",
// "discownt" and "discount" share one. Used only to pick fuzzy candidates; fuse.js decides.
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[^a-z]/g, ''],
  [/(?:tion|sion|shun|cian)/g, 'xn'],
  [/sh|ch/g, 'x'],
  [/ph/g, 'f'],
  [/ck|q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/dg/g, 'j'],
  [/x(?=[^n]|$)/g, 'ks'],
  [/z/g, 's'],
  [/gh/g, ''],
];

export function phoneticKey(word: string): string {
  let key = word.toLowerCase();
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  if (key.length === 0) return key;
  // Keep the first letter, drop later vowels and glides, collapse doubled letters.
  let out = key[0];
  for (let i = 1; i < key.length; i++) {
    const c = key[i];
    if ('aeiouwhy'.includes(c)) continue;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}
