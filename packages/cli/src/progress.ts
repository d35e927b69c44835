// A one-line progress bar on stderr (files done, messages/s, ETA), only when stderr is a terminal.
import type { Output } from './io.js';

export interface Progress {
  advance(files: number, messages: number): void;
  done(): void;
}

const NONE: Progress = { advance() {}, done() {} };

export function progressBar(out: Output & { isTTY?: boolean }, total: number, enabled: boolean): Progress {
  if (!enabled || out.isTTY !== true || total === 0) return NONE;
  const started = Date.now();
  let files = 0, messages = 0, last = 0;
  const draw = (): void => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(messages / seconds) : 0;
    const eta = files > 0 ? Math.round((seconds / files) * (total - files)) : 0;
    const width = 24, filled = Math.round((files / total) * width);
    out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${files}/${total} files · ${rate} msg/s · ETA ${eta}s\u001b[K`);
  };
  return {
    advance(f, m) {
      files += f;
      messages += m;
      if (Date.now() - last > 100 || files === total) {
        last = Date.now();
        draw();
      }
    },
    done() {
      out.write('\r\u001b[K');
    },
  };
}
