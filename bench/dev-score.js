// The labelled dev set (../shared/eval/dev) and its scoring by the shared scorer, for any matcher that
// returns Symbl's trackers-detected shape.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED } from './corpus.js';

const DEV = join(SHARED, 'eval/dev');
export const devTrackers = JSON.parse(readFileSync(join(DEV, 'trackers.json'), 'utf8'));
export const devConversations = readdirSync(join(DEV, 'conversations')).map((f) => JSON.parse(readFileSync(join(DEV, 'conversations', f), 'utf8')).messages);
const dir = mkdtempSync(join(tmpdir(), 'phrasewatch-dev-score-'));

/** Precision and recall (semantic excluded, as the scorer counts) of `detect(messages)` over the dev set. */
export function scoreDev(detect) {
  return scoreDetections(devConversations.map((messages) => ({ conversationId: messages[0].conversationId, trackers: detect(messages) })));
}

/** Scores [{conversationId, trackers}] with ../shared/eval/score.mjs. */
export function scoreDetections(found) {
  const file = join(dir, 'detections.jsonl');
  writeFileSync(file, found.map((line) => JSON.stringify(line)).join('\n') + '\n');
  const report = execFileSync(process.execPath, [join(SHARED, 'eval/score.mjs'), '--expected', join(DEV, 'expected.json'), '--trackers', join(DEV, 'trackers.json'), '--detections', file], { encoding: 'utf8' });
  const summary = report.trim().split('\n').at(-1);
  const value = (name) => Number(new RegExp(`${name}=([\\d.]+)`).exec(summary)[1]);
  return { precision: value('precision'), recall: value('recall'), summary };
}
