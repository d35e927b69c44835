import { compile, match } from './dist/index.js';
import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model';
const trackers = JSON.parse(readFileSync('/work/shared/corpus/trackers-500x50.json', 'utf8'));
const convs = readFileSync('/work/shared/corpus/taskmaster4.jsonl', 'utf8').split('\n').filter(Boolean).map(JSON.parse);
let t = performance.now();
const index = compile(trackers);
console.log('compile ms', (performance.now() - t).toFixed(1), 'phrases', index.phraseValue.length, 'lemmas', index.lemmas.length, 'stems', index.stems.length);
const nlp = winkNLP(model, ['pos']);
for (let r = 0; r < 1; r++) {
  t = performance.now(); let tok = 0;
  for (const c of convs) for (const m of c.messages) tok += nlp.readDoc(m.text).tokens().out(nlp.its.lemma).length;
  const floor = performance.now() - t;
  t = performance.now(); let refs = 0;
  for (const c of convs) { const res = match(index, c.messages); for (const tr of res) for (const mm of tr.matches) refs += mm.messageRefs.length; }
  const mt = performance.now() - t;
  console.log(`floor ${floor.toFixed(0)}ms match ${mt.toFixed(0)}ms ratio ${(mt / floor).toFixed(2)} refs ${refs} tokens ${tok}`);
}
