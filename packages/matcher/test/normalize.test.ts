import { describe, expect, it } from 'vitest';
import { readTokens } from '../src/nlp.js';
import { COMPOUND_TAIL, normalize } from '../src/normalize.js';

const lemmas = (text: string): string[] => normalize(readTokens(text), false).lemma;
const normals = (text: string): string[] => normalize(readTokens(text), true).normal!;

describe('normalize', () => {
  it('expands "I\'m" and "im" to "i be" and keeps "am" as the normal form', () => {
    expect(lemmas("I'm here")).toEqual(['i', 'be', 'here']);
    expect(lemmas('im here')).toEqual(['i', 'be', 'here']);
    expect(normals("I'm here")).toEqual(['i', 'am', 'here']);
  });

  it('reads "won\'t" as "will not" and "can\'t", "cannot", "can not" alike', () => {
    expect(lemmas("won't")).toEqual(['will', 'not']);
    expect(lemmas("can't")).toEqual(['can', 'not']);
    expect(lemmas('cannot')).toEqual(['can', 'not']);
    expect(lemmas('can not')).toEqual(['can', 'not']);
  });

  it('reads "its right" as "it is right" and "to expensive" as "too expensive", but keeps a possessive "its" and a "to" before a noun', () => {
    expect(lemmas('yes its right')).toEqual(['yes', 'it', 'be', 'right']);
    expect(lemmas('its price is high')).toEqual(['its', 'price', 'be', 'high']);
    expect(lemmas('way to expensive for us')).toEqual(['way', 'too', 'expensive', 'for', 'us']);
    expect(lemmas('we go to expensive places')).toEqual(['we', 'go', 'to', 'expensive', 'place']);
  });

  it('reads a ceasing verb before a verb in -ing as "not": "stopped working", not "stop everything" nor "stop the order"', () => {
    expect(lemmas('the app stopped working')).toEqual(['the', 'application', 'not', 'work']);
    expect(lemmas('stop everything')).toEqual(['stop', 'everything']);
    expect(lemmas('please stop the order')).toEqual(['please', 'stop', 'the', 'order']);
  });

  it('splits a name from its number as "SOC 2" and "COVID-19" are written: "SOC2" is "soc 2", "covid19" is "covid 19"', () => {
    expect(lemmas('SOC2 certification')).toEqual(lemmas('SOC 2 certification'));
    expect(lemmas('covid19')).toEqual(['covid', '19']);
    expect(normals('SOC2')).toEqual(['soc', '2']);
  });

  it('reads "out of" as one word, written as it was', () => {
    expect(lemmas('we are out of oat milk')).toEqual(['we', 'be', 'outof', 'oat', 'milk']);
    expect(normals('Out of stock')).toEqual(['out of', 'stock']);
  });

  it('joins an acronym spelled letter by letter, "G D P R" as "gdpr", but not into a word of its own nor "a" and "i" in twos', () => {
    expect(lemmas('G D P R')).toEqual(['gdpr']);
    expect(lemmas('the U S')).toEqual(['the', 'u', 's']);
    expect(lemmas('plan a or b')).toEqual(['plan', 'a', 'or', 'b']);
  });

  it('treats curly apostrophes like straight ones', () => {
    expect(lemmas('I\u2019m sure we can\u2019t')).toEqual(lemmas("I'm sure we can't"));
  });

  it('splits hyphenated words: "check-in" is "check in"; a single letter stays joined: "e-mail" is "email"', () => {
    expect(lemmas('check-in')).toEqual(['check', 'in']);
    expect(lemmas('add\u2013on')).toEqual(['add', 'on']);
    expect(lemmas('e-mail')).toEqual(lemmas('email'));
  });

  it('reads a closed compound as its open form: "pickup", "pick-up" and "pick up" are "pick up"', () => {
    expect(lemmas('ready for pickup')).toEqual(['ready', 'for', 'pick', 'up']);
    expect(lemmas('ready for pick-up')).toEqual(['ready', 'for', 'pick', 'up']);
    expect(lemmas('two pickups')).toEqual(['2', 'pick', 'up']);
    expect(lemmas('the checkout and the login')).toEqual(['the', 'check', 'out', 'and', 'the', 'log', 'in']);
    expect(lemmas('a latte with oatmilk')).toEqual(lemmas('a latte with oat milk'));
    expect(normals('Pickups')).toEqual(['pick', 'ups']);
  });

  it('marks a closed compound\'s second half, which the tiers let its head stand for', () => {
    const stream = normalize(readTokens('pickup or pick up'), false);
    expect(stream.flags.map((f) => (f & COMPOUND_TAIL) !== 0)).toEqual([false, true, false, false, false]);
  });

  it('leaves words that only end like a compound whole: "begin", "button", "without"', () => {
    expect(lemmas('begin without a button')).toEqual(['begin', 'without', 'a', 'button']);
  });

  it('joins "non" to its word: "nonfat", "non-fat" and "non fat" are "nonfat"', () => {
    expect(lemmas('a nonfat latte')).toEqual(['a', 'nonfat', 'latte']);
    expect(lemmas('a non-fat latte')).toEqual(['a', 'nonfat', 'latte']);
    expect(lemmas('a non fat latte')).toEqual(['a', 'nonfat', 'latte']);
    expect(lemmas('it is non-refundable')).toEqual(['it', 'be', 'nonrefundable']);
  });

  it('reads "all right", "alright" and "allright" as "alright", so its "right" is not "correct"', () => {
    expect(lemmas('all right then')).toEqual(['alright', 'then']);
    expect(lemmas('Alright then')).toEqual(['alright', 'then']);
    expect(lemmas('allright then')).toEqual(['alright', 'then']);
    expect(lemmas('is that right')).toEqual(['be', 'that', 'right']);
  });

  it('writes spelled-out numbers in digits: "five hundred" is "500", "twenty-one" is "21"', () => {
    expect(lemmas('five hundred')).toEqual(['500']);
    expect(lemmas('twenty-one')).toEqual(['21']);
    expect(lemmas('two thousand five hundred and ten')).toEqual(['2510']);
    expect(lemmas('3 thousand')).toEqual(['3000']);
  });

  it('keeps separate numbers apart: "five five" and "10 20"', () => {
    expect(lemmas('five five')).toEqual(['5', '5']);
    expect(lemmas('10 20')).toEqual(['10', '20']);
    expect(lemmas('10-20')).toEqual(['10', '20']);
  });

  it('does not swallow "and" between numbers without a scale: "five and six"', () => {
    expect(lemmas('five and six')).toEqual(['5', 'and', '6']);
  });

  it('reads "%" and "per cent" as "percent"', () => {
    expect(lemmas('50%')).toEqual(['50', 'percent']);
    expect(lemmas('fifty per cent')).toEqual(['50', 'percent']);
    expect(lemmas('fifty percent')).toEqual(['50', 'percent']);
  });

  it('lemmatizes: "running" is "run", "plans" is "plan"', () => {
    expect(lemmas('running plans')).toEqual(['run', 'plan']);
  });

  it('drops punctuation and marks the boundary on the next token', () => {
    const stream = normalize(readTokens('No worries, let us go. Now'), false);
    expect(stream.lemma).toEqual(['no', 'worry', 'let', 'us', 'go', 'now']);
    expect(stream.flags).toEqual([0, 0, 2, 0, 0, 3]);
  });
});

describe('normalize, whatever wink-nlp has read before', () => {
  it('splits "Latte\'s" into "latte" + "\'s" before and after wink-nlp has learned "Latte\'s" whole', () => {
    const before = lemmas("two Latte's please");
    readTokens("I would like two Latte's. Thanks");
    expect(before).toEqual(['2', 'latte', "'s", 'please']);
    expect(lemmas("two Latte's please")).toEqual(before);
  });
});
