// Cue times ("00:01:02.500" or "00:01:02,500") to ISO times. Subtitle times are relative to the start of
// the recording; they are kept as offsets from 1970-01-01T00:00:00Z so that they sort and subtract.
export function cueTimeToIso(value: string): string | undefined {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/.exec(value.trim());
  if (!m) return undefined;
  const ms = ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4].padEnd(3, '0'));
  return new Date(ms).toISOString();
}
