// Worker entry: matches the conversations of each task against the index it received at start-up.
import { workerData } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { groupJson } from '../json.js';
import { detect, shareMemo } from '../match.js';
import type { Message } from '../types.js';
import type { MatchTask, MatchTaskResult, WorkerData } from './protocol.js';

const { index, memo } = workerData as WorkerData;
shareMemo(index, memo);

export default function run(task: MatchTask): MatchTaskResult {
  const messagesOf = (ids: string[], texts: string[]): Message[] => ids.map((id, i) => ({ id, text: texts[i] }));
  if (task.output === 'json') {
    return task.conversations.map(({ ids, texts }) => {
      const messages = messagesOf(ids, texts);
      return groupJson(index, messages, detect(index, messages, task.threshold), task.details);
    });
  }
  const results = task.conversations.map(({ ids, texts }) => detect(index, messagesOf(ids, texts), task.threshold));
  // Transfer the typed arrays' buffers instead of copying them, each once: a result's arrays share one
  // (and a buffer listed twice fails the whole transfer), and results without rows share the empty one.
  const buffers = new Set<ArrayBufferLike>();
  for (const d of results) if (d.count > 0) for (const a of [d.phrase, d.message, d.offset, d.score, d.tier]) buffers.add(a.buffer);
  const movable = {
    [Piscina.transferableSymbol]: [...buffers],
    [Piscina.valueSymbol]: results,
  };
  return Piscina.move(movable as never) as unknown as MatchTaskResult;
}
