// The NLP floor as a whole process, for bench/cli.bench.js: read each transcript file, parse it, and run
// wink-nlp's readDoc plus lemma extraction on every message, nothing else.
// Usage: node bench/floor-process.js FILE...
import { readFileSync } from 'node:fs';
import { lemmatize } from '@phrasewatch/matcher';

let tokens = 0;
for (const file of process.argv.slice(2)) {
  for (const message of JSON.parse(readFileSync(file, 'utf8')).messages) tokens += lemmatize(message.text).length;
}
process.stdout.write(`${tokens}\n`);
