// The pinned-output format (see pin-output.mjs), shared by the script that writes it and the test that checks it.
import { compile, match } from '@phrasewatch/matcher';

/** Every message ref of the matcher's output, one line each, in output order. */
export function pinnedLines(trackers, conversations) {
  const index = compile(trackers);
  const lines = [];
  conversations.forEach((messages, c) => {
    for (const tracker of match(index, messages, { details: true })) {
      for (const m of tracker.matches) {
        for (const ref of m.messageRefs) lines.push([c, ref.id, tracker.name, m.value, ref.offset, ref.score, ref.tier].join('\t'));
      }
    }
  });
  return lines;
}
