// Worker entry: matches the conversations of each task against the index it received at start-up.
import { workerData } from 'node:worker_threads';
import { match } from '../match.js';
import type { MatchTask, MatchTaskResult, WorkerData } from './protocol.js';

const { index } = workerData as WorkerData;

export default function run(task: MatchTask): MatchTaskResult {
  return task.conversations.map((messages) => match(index, messages, task.options));
}
