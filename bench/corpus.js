// Loads the shared benchmark corpus (kept outside this repository, beside the checkout).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED = process.env.PHRASEWATCH_SHARED ?? resolve(import.meta.dirname, '../../shared');

export function loadCorpus() {
  const conversations = readFileSync(resolve(SHARED, 'corpus/taskmaster4.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line).messages);
  const texts = conversations.flatMap((messages) => messages.map((m) => m.text));
  return { conversations, texts };
}

export const loadJson = (path) => JSON.parse(readFileSync(resolve(SHARED, path), 'utf8'));
