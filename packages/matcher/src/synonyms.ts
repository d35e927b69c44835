// Words conversation uses for one another, in groups of lemmas: a message's word may stand for a phrase's
// of its group in a gap match ("What is the cost" ~ "What is the price", "talk to a manager" ~ "speak to a
// manager"), weighing as a word of the same stem. Only content words, only groups whose words are
// interchangeable in most sentences (not "check" for "confirm", nor "right" for "correct"), and never for a
// one-word phrase, which must be found as written.
const GROUPS: ReadonlyArray<readonly string[]> = [
  ['price', 'cost'],
  ['expensive', 'pricey', 'costly'],
  ['cheap', 'inexpensive', 'affordable'],
  ['buy', 'purchase'],
  ['cancel', 'terminate'],
  // An account or a service is closed by deleting it: "delete my account" ~ "close my account".
  ['close', 'shut', 'delete'],
  ['help', 'assist'],
  ['assistance', 'help'],
  ['problem', 'issue', 'trouble'],
  ['mistake', 'error'],
  ['wrong', 'incorrect'],
  ['correct', 'accurate'],
  ['fix', 'repair'],
  ['vendor', 'provider', 'supplier'],
  ['customer', 'client'],
  ['company', 'business', 'firm'],
  ['start', 'begin'],
  ['choose', 'select'],
  ['talk', 'speak', 'chat'],
  ['schedule', 'arrange', 'book'],
  ['meeting', 'appointment'],
  ['refund', 'reimbursement'],
  ['drink', 'beverage'],
  ['large', 'big'],
  ['happy', 'glad'],
  ['happy', 'satisfied', 'satisfy'],
  ['display', 'screen'],
  ['soon', 'shortly'],
  ['quick', 'fast'],
  ['quickly', 'fast'],
  ['confirm', 'verify'],
  ['make', 'prepare'],
  ['bill', 'invoice'],
  ['manager', 'supervisor'],
  ['boss', 'manager'],
  // A moment is a second or a minute; a second is no minute ("ready in two minutes").
  ['second', 'moment'],
  ['minute', 'moment'],
  ['send', 'email'],
  ['contract', 'agreement'],
  ['subscription', 'membership'],
  ['delivery', 'shipment'],
  ['demo', 'demonstration'],
  ['fee', 'charge'],
  ['wait', 'delay'],
  ['quote', 'estimate'],
  // "Delayed" is read as the verb's lemma: "the delivery was delayed" ~ "the delivery was late".
  ['late', 'delayed', 'delay'],
  ['broken', 'damaged', 'break', 'damage'],
  ['promotion', 'promo'],
  // What a seller has on: "we have a promotion right now" ~ "We have a sale right now".
  ['sale', 'promotion', 'deal'],
  ['option', 'choice'],
  ['question', 'query'],
  ['information', 'info'],
  // (wink-nlp reads "data" as "datum".)
  ['datum', 'information'],
  // What a vendor sells: "we already have a tool for that" ~ "we already have a solution".
  ['solution', 'tool', 'platform'],
  ['annual', 'yearly'],
  ['dollar', 'buck'],
  ['good', 'great'],
  ['reschedule', 'move'],
  ['evaluate', 'assess'],
  ['put', 'place'],
  ['offer', 'provide'],
  ['invite', 'invitation'],
  ['representative', 'agent', 'rep'],
  ['ship', 'deliver'],
  ['contact', 'reach'],
  ['error', 'bug'],
  ['concern', 'issue', 'problem'],
  ['tight', 'limited'],
  ['competitor', 'rival'],
  ['switch', 'migrate', 'change'],
  ['look', 'seem', 'appear'],
  ['skeptical', 'doubtful'],
  ['uncomfortable', 'uneasy'],
  ['protect', 'secure'],
  ['sorry', 'apologize'],
  ['package', 'parcel'],
  ['send', 'shoot'],
  ['expire', 'end'],
  ['terminate', 'end'],
  // What a customer spends: "we don't have the money for it" ~ "we don't have the budget".
  ['budget', 'money', 'fund'],
  ['complicated', 'complex'],
  ['evaluate', 'consider'],
  ['normal', 'regular', 'usual'],
];

// Kinds, which a message names where a phrase has the general word: "your latte will be ready" is "your
// drink will be ready", and a coffee bar's "order" is the drinks in it ("your order will be ready soon" ~
// "your drink will be ready soon"). Only ever for a noun, and only one way: a phrase naming a latte wants
// a latte, not any drink. "Coffee" is a drink, but as a phrase's word it is an item of its own ("an iced
// coffee" is not "an iced mocha").
const COFFEES: readonly string[] = [
  'latte', 'mocha', 'cortado', 'macchiato', 'americano', 'cappuccino', 'espresso', 'frappuccino', 'frappe', 'affogato', 'ristretto',
];
const DRINKS: readonly string[] = [...COFFEES, 'coffee', 'tea', 'chai', 'matcha', 'steamer', 'smoothie', 'cocoa'];
const KINDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['drink', [...DRINKS, 'order']],
  ['beverage', [...DRINKS, 'order']],
  ['order', [...DRINKS, 'drink', 'beverage']],
];

const GENERICS: ReadonlyMap<string, readonly string[]> = (() => {
  const generics = new Map<string, string[]>();
  for (const [generic, kinds] of KINDS) for (const kind of kinds) generics.set(kind, [...(generics.get(kind) ?? []), generic]);
  return generics;
})();

const BY_WORD: ReadonlyMap<string, readonly string[]> = (() => {
  const byWord = new Map<string, string[]>();
  for (const group of GROUPS) {
    for (const word of group) {
      const others = byWord.get(word) ?? [];
      for (const other of group) if (other !== word && !others.includes(other)) others.push(other);
      byWord.set(word, others);
    }
  }
  return byWord;
})();

// Antonyms, which say a word with a negation: "the order is not right" is "the order is wrong", "I can't
// remember my password" is "I forgot my password". Only where one of the two is negated (gap.ts).
const ANTONYMS: ReadonlyArray<readonly [string, string]> = [
  ['wrong', 'right'],
  ['wrong', 'correct'],
  ['incorrect', 'correct'],
  ['incorrect', 'right'],
  ['inaccurate', 'accurate'],
  ['unavailable', 'available'],
  ['unable', 'able'],
  ['forget', 'remember'],
  ['unhappy', 'happy'],
  ['disagree', 'agree'],
  ['impossible', 'possible'],
  ['unclear', 'clear'],
  ['unsure', 'sure'],
  ['unable', 'can'],
];

const OPPOSITES: ReadonlyMap<string, readonly string[]> = (() => {
  const opposites = new Map<string, string[]>();
  for (const [a, b] of ANTONYMS) {
    opposites.set(a, [...(opposites.get(a) ?? []), b]);
    opposites.set(b, [...(opposites.get(b) ?? []), a]);
  }
  return opposites;
})();

const NONE: readonly string[] = [];

// "Able" says what "can" does ("I won't be able to afford it" ~ "I can't afford it"); "can" is a light word,
// so this pair is kept apart from the groups of content words.
const ABILITY: ReadonlyMap<string, readonly string[]> = new Map([
  ['can', ['able']],
  ['could', ['able']],
  ['able', ['can']],
]);

/** The word of ability that `lemma` stands for ("can" -> "able", "able" -> "can"), or none. */
export function abilityOf(lemma: string): readonly string[] {
  return ABILITY.get(lemma) ?? NONE;
}

/** The lemmas that mean what `lemma` does with a negation ("right" -> "wrong", "incorrect"), or none. */
export function antonymsOf(lemma: string): readonly string[] {
  return OPPOSITES.get(lemma) ?? NONE;
}

/** The lemmas that may stand for `lemma`, or none. */
export function synonymsOf(lemma: string): readonly string[] {
  return BY_WORD.get(lemma) ?? NONE;
}

/** The general words (nouns) of which `lemma` names a kind: "latte" -> "drink", "beverage", "order". */
export function genericsOf(lemma: string): readonly string[] {
  return GENERICS.get(lemma) ?? NONE;
}

/** Words that name no item of their own but stand for any: "your order", "that item", "a drink". */
const ANY_ITEM: ReadonlySet<string> = new Set([...KINDS.map(([generic]) => generic), 'item', 'thing', 'one', 'coffee', 'something', 'anything']);

/** Whether `lemma` stands for any item rather than naming one. */
export function namesAnyItem(lemma: string): boolean {
  return ANY_ITEM.has(lemma);
}
