// Colours only on a terminal, and never with NO_COLOR.
export interface Paint {
  red(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string): string => s;

export function paintFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Paint {
  const on = stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return on ? { red: wrap(31, 39), dim: wrap(2, 22), bold: wrap(1, 22), green: wrap(32, 39) } : { red: plain, dim: plain, bold: plain, green: plain };
}
