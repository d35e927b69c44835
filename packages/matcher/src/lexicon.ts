// Word lists the normalizer and the tiers share. Keys are wink-nlp lemmas (lower case).

/** Token classes, stored per lemma id in the compiled index. */
export const CONTENT = 0;
export const FUNCTION = 1;
export const NEGATOR = 2;

export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'without', "n't",
]);

/** Words that carry little meaning of their own: a phrase made mostly of them needs more than one shared word. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'i', 'me', 'my', 'mine', 'myself',
  'we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'he', 'him', 'his', 'she', 'her', 'hers', 'they',
  'them', 'their', 'theirs', 'one', "'s", 'y\'all',
  'be', 'have', 'do', 'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must',
  'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'about', 'as', 'into', 'onto', 'over',
  'under', 'up', 'down', 'out', 'off', 'than', 'then', 'so', 'if', 'or', 'and', 'but', 'because',
  'while', 'after', 'before', 'until', 'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why',
  'how', 'there', 'here', 'just', 'very', 'really', 'only', 'also', 'too', 'quite', 'some', 'any',
  'all', 'each', 'every', 'much', 'many', 'more', 'most', 'few', 'lot', 'ever', 'now', 'again', 'still',
  'even', 'such', 'own', 'same', 'other', 'another', 'please', 'ok', 'okay', 'alright', 'yes', 'yeah', 'oh', 'um',
  'uh', 'hmm', 'well', 'like', 'right', 'sure', 'thing', 'something', 'anything', 'everything', 'way',
]);

/** Subject pronouns a phrase may start with and a message may swap ("I can't afford" ~ "we can't afford"). */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['i', 'we', 'you', 'they', 'he', 'she']);

/** The speaker's subject pronouns: who says "I want" or "we'd like" asks. */
export const SPEAKERS: ReadonlySet<string> = new Set(['i', 'we']);

/** The speaker as an object: what is done for "me" or "us" ("can you get me", "give us a minute", "let me"). */
export const SPEAKER_OBJECTS: ReadonlySet<string> = new Set(['me', 'us']);

/** Verbs of wanting: who says them is who asks ("I want a latte", "So you want a latte?"). */
export const WANTS: ReadonlySet<string> = new Set(['want', 'like', 'need', 'love', 'prefer']);

/**
 * Whether a message's subject pronoun says the other side of a phrase's: the listener's "you" for the
 * speaker's "I" or "we", or the reverse. Before a verb of wanting (WANTS) that is another speech act
 * ("So you want a decaf latte?" confirms, "I want a latte" asks); elsewhere the sides may swap ("You'll
 * have your order ready soon" ~ "We'll have your order ready soon"), and third persons are left alone.
 */
export function otherSide(phrasePronoun: string, messagePronoun: string): boolean {
  return (SPEAKERS.has(phrasePronoun) && messagePronoun === 'you') || (phrasePronoun === 'you' && SPEAKERS.has(messagePronoun));
}

const SAME_SIDE: ReadonlyMap<string, readonly string[]> = new Map([['i', ['we']], ['we', ['i']], ['me', ['us']], ['us', ['me']]]);

/**
 * The speaker's other pronoun in the same place: "we" for "I", "us" for "me". One speaks for a company
 * as either ("We can't afford it" ~ "I can't afford this", "send us the contract" ~ "send me the contract").
 */
export function sameSideOf(pronoun: string): readonly string[] {
  return SAME_SIDE.get(pronoun) ?? [];
}

/** Auxiliaries between a subject and its verb ("I would like", "you'll have"). */
export const AUXILIARIES: ReadonlySet<string> = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', 'be', 'do', 'have']);

/** Single tokens wink-nlp leaves whole that stand for two words: [lemma, normal] pairs. */
export const CONTRACTIONS: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>> = new Map([
  ["i'm", [['i', 'i'], ['be', 'am']]],
  ['im', [['i', 'i'], ['be', 'am']]],
  ["here's", [['here', 'here'], ['be', 'is']]],
  ['cannot', [['can', 'can'], ['not', 'not']]],
  ['dont', [['do', 'do'], ['not', 'not']]],
  ['doesnt', [['do', 'does'], ['not', 'not']]],
  ['didnt', [['do', 'did'], ['not', 'not']]],
  ['cant', [['can', 'can'], ['not', 'not']]],
  ['wont', [['will', 'will'], ['not', 'not']]],
  ['isnt', [['be', 'is'], ['not', 'not']]],
  ['arent', [['be', 'are'], ['not', 'not']]],
  ['wasnt', [['be', 'was'], ['not', 'not']]],
  ['werent', [['be', 'were'], ['not', 'not']]],
  ['couldnt', [['could', 'could'], ['not', 'not']]],
  ['wouldnt', [['would', 'would'], ['not', 'not']]],
  ['shouldnt', [['should', 'should'], ['not', 'not']]],
  ['havent', [['have', 'have'], ['not', 'not']]],
  ['hasnt', [['have', 'has'], ['not', 'not']]],
  ['ive', [['i', 'i'], ['have', 'have']]],
  ['youre', [['you', 'you'], ['be', 'are']]],
  ['theyre', [['they', 'they'], ['be', 'are']]],
  ['gonna', [['go', 'going'], ['to', 'to']]],
  ['wanna', [['want', 'want'], ['to', 'to']]],
  // "gotta" is "have got to", said for "have to": "I gotta go" ~ "I have to go".
  ['gotta', [['have', 'got'], ['to', 'to']]],
  ['hafta', [['have', 'have'], ['to', 'to']]],
  ['oughta', [['ought', 'ought'], ['to', 'to']]],
  ['lemme', [['let', 'let'], ['me', 'me']]],
  ['gimme', [['give', 'give'], ['me', 'me']]],
  ['kinda', [['kind', 'kind'], ['of', 'of']]],
  ['sorta', [['sort', 'sort'], ['of', 'of']]],
  ['outta', [['out', 'out'], ['of', 'of']]],
  ['dunno', [['do', 'do'], ['not', 'not'], ['know', 'know']]],
  // Abbreviations chat and typed transcripts use: "we'll have it out ASAP", "in a sec".
  ['asap', [['as', 'as'], ['soon', 'soon'], ['as', 'as'], ['possible', 'possible']]],
  ['sec', [['second', 'second']]],
  ['pls', [['please', 'please']]],
  ['plz', [['please', 'please']]],
  ['thx', [['thanks', 'thanks']]],
  ['idk', [['i', 'i'], ['do', 'do'], ['not', 'not'], ['know', 'know']]],
  ['appt', [['appointment', 'appointment']]],
  ['mins', [['minute', 'minutes']]],
]);

/** Currency signs before an amount, read as the word after it: "$20" is "20 dollar", as "twenty dollars" is. */
export const CURRENCIES: ReadonlyMap<string, string> = new Map([
  ['$', 'dollar'],
  ['€', 'euro'],
  ['£', 'pound'],
]);

/**
 * Closed compounds read as their open form, so that "pickup", "pick-up" and "pick up" are the same words
 * (the hyphen is split in normalize): a phrasal verb's head and particle ("checkout", "login", "followup"),
 * and words dialog writes either way ("oatmilk", "anymore"). [head, tail]; a plural "s" is dropped
 * ("pickups"), as wink-nlp keeps most of these whole and unlemmatized.
 */
const PHRASAL_HEADS = [
  'add', 'back', 'break', 'buy', 'call', 'carry', 'cash', 'check', 'clean', 'cut', 'drop', 'fill', 'follow',
  'give', 'hand', 'hang', 'hold', 'hook', 'kick', 'lay', 'line', 'log', 'look', 'make', 'mark', 'meet', 'mix',
  'opt', 'pay', 'pick', 'plug', 'pop', 'print', 'pull', 'push', 'roll', 'run', 'sell', 'set', 'shut', 'sign',
  'stand', 'start', 'take', 'top', 'touch', 'trade', 'tune', 'turn', 'wake', 'walk', 'warm', 'work', 'write',
];
const PARTICLES = ['up', 'out', 'off', 'in', 'on', 'down', 'over', 'back', 'away', 'through', 'around'];
const OPEN_COMPOUNDS: ReadonlyArray<readonly [string, string]> = [
  ['any', 'more'], ['any', 'time'], ['oat', 'milk'], ['almond', 'milk'], ['soy', 'milk'],
  ['coconut', 'milk'], ['ice', 'cream'], ['low', 'fat'], ['half', 'caf'],
  // Speech-to-text writes these apart: "his voice mail", "this week end".
  ['voice', 'mail'], ['week', 'end'], ['web', 'site'], ['pass', 'word'], ['user', 'name'],
];

function closedCompounds(): Map<string, readonly [string, string]> {
  const compounds = new Map<string, readonly [string, string]>();
  const pairs = [...PHRASAL_HEADS.flatMap((head) => PARTICLES.map((particle) => [head, particle] as const)), ...OPEN_COMPOUNDS];
  for (const pair of pairs) {
    compounds.set(pair[0] + pair[1], pair);
    compounds.set(`${pair[0]}${pair[1]}s`, pair);
  }
  return compounds;
}

export const CLOSED_COMPOUNDS: ReadonlyMap<string, readonly [string, string]> = closedCompounds();

/**
 * "All right" read as one word, "alright": as a word of its own it says "okay", and its "right" is not
 * the "right" of "is the order right".
 */
export const ALRIGHT = 'alright';
export const ALRIGHT_SPELLINGS: ReadonlySet<string> = new Set(['alright', 'allright', 'alrite']);

/** A prefix written joined, spaced or hyphenated ("nonfat", "non fat", "non-fat"), read joined: "non-refundable" is no "refundable". */
export const JOINED_PREFIX = 'non';

/** Clitics wink-nlp normally splits off ("latte" + "'s"): [lemma, normal]. */
export const CLITICS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['s', ["'s", "'s"]],
  ['re', ['be', 'are']],
  ['ll', ['will', 'will']],
  ['ve', ['have', 'have']],
  ['d', ['would', 'would']],
  ['m', ['be', 'am']],
]);

/** Spelled-out numbers: value, and whether the word multiplies what precedes it. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

export const NUMBER_SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1000], ['million', 1_000_000], ['billion', 1_000_000_000],
]);

/** Prefixes that turn a word into its opposite: never a fuzzy match for the bare word. */
export const NEGATING_PREFIXES: readonly string[] = ['un', 'in', 'im', 'il', 'ir', 'dis', 'non', 'non-', 'a'];

export function classOf(lemma: string): number {
  if (NEGATORS.has(lemma)) return NEGATOR;
  if (FUNCTION_WORDS.has(lemma)) return FUNCTION;
  return CONTENT;
}
