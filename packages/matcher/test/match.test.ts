import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { match } from '../src/match.js';
import { find, findAll } from './helpers.js';

const PROMOTION = {
  name: 'Promotion Mention',
  vocabulary: [
    'We have a special promotion going on if you book this before',
    'I can offer you a discount of 10 20 percent you being a new customer for us',
    'We have our month special this month',
    'We have a sale right now on',
  ],
};

describe('the seed example', () => {
  it('matches "We\'re running a sale right now" to "We have a sale right now on" at offset -1, and nothing else', () => {
    const index = compile([PROMOTION]);
    const result = match(index, [{ id: 'm1', text: "We're running a sale right now" }]);
    expect(result).toEqual([
      {
        id: index.trackerIds[0],
        name: 'Promotion Mention',
        matches: [
          {
            type: 'vocabulary',
            value: 'We have a sale right now on',
            messageRefs: [{ id: 'm1', text: "We're running a sale right now", offset: -1 }],
            insightRefs: [],
          },
        ],
      },
    ]);
  });
});

describe('exact tier', () => {
  it('matches a phrase whatever its case, at the offset where it starts', () => {
    expect(find('out of our price range', 'Honestly that is OUT OF OUR PRICE RANGE for now.')).toMatchObject({ offset: 17, tier: 'exact', score: 1 });
  });

  it('matches "I\'m not interested" to "I am not interested" at offset 0', () => {
    expect(find('I am not interested', "I'm not interested")).toMatchObject({ offset: 0, tier: 'exact' });
  });

  it('matches "won\'t" to "will not" and "can\'t" to "cannot"', () => {
    expect(find('we will not renew', "We won't renew.")).toMatchObject({ offset: 0 });
    expect(find('I cannot make it', "I can't make it")).toMatchObject({ offset: 0 });
    expect(find("I can't make it", 'I can not make it')).toMatchObject({ offset: 0 });
  });

  it('matches "check-in" to "check in"', () => {
    expect(find('early check in', 'Is early check-in possible?')).toMatchObject({ offset: 3 });
  });

  it('matches "five hundred dollars" to "500 dollars"', () => {
    expect(find('500 dollars', 'It costs five hundred dollars.')).toMatchObject({ offset: 9 });
  });

  it('matches "fifty percent" to "50%" and "50 percent"', () => {
    expect(find('fifty percent off', 'You get 50% off today')).toMatchObject({ offset: 8 });
    expect(find('50% off', 'you get fifty percent off')).toMatchObject({ offset: 8 });
  });

  it('ignores commas inside a phrase\'s span: "Sorry, we missed your call"', () => {
    expect(find('Sorry we missed your call', 'Sorry, we missed your call.')).toMatchObject({ offset: 0, tier: 'exact' });
  });

  it('does not match a phrase that is only part of a word', () => {
    expect(find('cat', 'The catalogue is late')).toBeUndefined();
  });
});

describe('lemma tier', () => {
  it('matches "running" to "run" and "plans" to "plan" with an offset', () => {
    expect(find('run a sale on annual plan', 'we are running a sale on annual plans')).toMatchObject({ offset: 7, tier: 'lemma' });
  });

  it('matches "we can\'t afford this" to "I can\'t afford this" from "can\'t" on', () => {
    expect(find("I can't afford this", "Yes, we can't afford this anymore.")).toMatchObject({ offset: 8 });
  });

  it('gives no offset for a swapped pronoun in the middle of a clause: "the ones who can\'t afford this"', () => {
    expect(find("I can't afford this", 'the ones who can\'t afford this')).toMatchObject({ offset: -1, tier: 'gap' });
  });
});

describe('stem tier', () => {
  it('matches "quarantined" to "quarantine" and "cancellation" to "cancel", as similar matches', () => {
    expect(find('quarantine', 'My daughter was quarantined last month.')).toMatchObject({ offset: -1, tier: 'stem' });
    expect(find('plan cancel', 'plan cancellation is free')).toMatchObject({ offset: -1, tier: 'stem' });
    expect(find('cancel my plan', 'about the cancellation of my plan')).toMatchObject({ offset: -1, tier: 'gap' });
  });

  it('does not match a word to one that merely starts the same: "universe" is not "university"', () => {
    expect(find('university', 'across the universe')).toBeUndefined();
  });
});

describe('gap tier', () => {
  it('matches "Please leave your name and number" to "Leave name and number"', () => {
    expect(find('Leave name and number', 'Please leave your name and number and we will call back.')).toMatchObject({ offset: -1, tier: 'gap' });
  });

  it('matches "Is our budget tight this year?" to "is the budget tight"', () => {
    expect(find('is the budget tight', 'Is our budget tight this year?')).toMatchObject({ offset: -1, tier: 'gap' });
  });

  it('matches words in another order: "the budget, honestly, is tight" to "budget is tight"', () => {
    expect(find('budget is tight', 'The budget, honestly, is tight this year.')).toMatchObject({ offset: -1, tier: 'gap' });
  });

  it('matches a clause moved whole: "as a new customer I can offer you a discount"', () => {
    expect(find('I can offer you a discount you being a new customer', 'as a new customer I can offer you a discount')).toMatchObject({ tier: 'gap' });
  });

  it('does not match when a content word of a short phrase is missing: "close the door" is not "close my account"', () => {
    expect(find('close my account', 'Please close the door on your way out.')).toBeUndefined();
  });

  it('does not match words spread over two sentences', () => {
    expect(find('budget is tight', 'The budget is fine. Tight deadlines though.')).toBeUndefined();
  });

  it('does not fire a mostly-function-word phrase on one shared content word: "that solves the problem" is not "My only problem is"', () => {
    expect(find('My only problem is', 'Thanks, that solves the problem')).toBeUndefined();
  });

  it('finds a similar match deep in a long message as in its sentence alone (240 words before it and after it)', () => {
    const filler = Array.from({ length: 40 }, (_, k) => `Item ${k} was shipped on time.`).join(' ');
    const alone = find('is the budget tight', 'Is our budget tight this year?');
    const deep = find('is the budget tight', `${filler} Is our budget tight this year? ${filler}`);
    expect(alone).toMatchObject({ offset: -1, tier: 'gap' });
    expect(deep).toMatchObject({ offset: -1, tier: alone!.tier, score: alone!.score });
  });

  it('does not match words too far apart', () => {
    expect(find('budget is tight', 'the budget for the new office and the team offsite is honestly not at all tight')).toBeUndefined();
  });
});

describe('fuzzy tier', () => {
  it('matches transcription errors in content words: "discownt", "subscripshun", "calender"', () => {
    expect(find('ask for a discount', 'can I ask for a discownt')).toMatchObject({ offset: -1, tier: 'fuzzy' });
    expect(find('cancel my subscription', 'I want to cancel my subscripshun')).toMatchObject({ offset: -1, tier: 'fuzzy' });
    expect(find('send me a calendar invite', 'could you send me a calender invite')).toMatchObject({ offset: -1, tier: 'fuzzy' });
  });

  it('matches sound-alikes in a longer phrase: "a sail right now" for "a sale right now"', () => {
    expect(find('We have a sale right now on', 'we have a sail right now on all annual plans')).toMatchObject({ tier: 'fuzzy' });
  });

  it('matches a misspelled phrase word against the right message word', () => {
    expect(find('Our repesentatives are unavailable', 'Our representatives are unavailable at this time.')).toMatchObject({ tier: 'fuzzy' });
  });

  it('never matches across unrelated words: "quarter" is not "quarantine"', () => {
    expect(find('quarantine', 'The quarter ends on Friday, so book soon.')).toBeUndefined();
  });

  it('matches a long one-word phrase misspelled: "vacination" for "vaccination"', () => {
    expect(find('vaccination', 'I booked my vacination for Monday')).toMatchObject({ tier: 'fuzzy' });
  });
});

describe('negation', () => {
  it('does not match "I\'m very interested" to "I am not interested"', () => {
    expect(find('I am not interested', "I'm very interested in the analytics add-on.")).toBeUndefined();
  });

  it('does not match "This makes me comfortable" to "This makes me uncomfortable"', () => {
    expect(find('This makes me uncomfortable', 'This makes me comfortable moving forward.')).toBeUndefined();
  });

  it('does not match "isn\'t a concern" to "a concern"', () => {
    expect(find('a concern', "Affordability isn't a concern at all.")).toBeUndefined();
    expect(find('a concern', 'Affordability is a concern.')).toMatchObject({ offset: 17 });
  });

  it('does not match "not interested" to "interested"', () => {
    expect(find('interested in a demo', 'we are not interested in a demo')).toBeUndefined();
  });

  it('keeps a match when the negation is in another clause: "No worries, let\'s reconnect"', () => {
    expect(find("let's reconnect", "No worries, let's reconnect next quarter.")).toMatchObject({ offset: 12 });
    expect(find('how much does it cost', "I'd rather not say. How much does it cost with you?")).toMatchObject({ offset: 20 });
  });

  it('matches a negated phrase to the same negation written otherwise: "does not fit" for "doesn\'t fit"', () => {
    expect(find('This does not fit', "this doesn't fit our needs")).toMatchObject({ offset: 0 });
  });
});

describe('threshold, details and shape', () => {
  it('drops refs scoring under the threshold', () => {
    const trackers = [{ name: 'B', vocabulary: ['is the budget tight'] }];
    expect(findAll(trackers, ['Is our budget tight this year?'], 0.5)).toHaveLength(1);
    expect(findAll(trackers, ['Is our budget tight this year?'], 0.9)).toHaveLength(0);
    expect(findAll(trackers, ['Is the budget tight?'], 1)).toHaveLength(1);
  });

  it('returns exactly Symbl\'s fields without details', () => {
    const index = compile([{ name: 'B', vocabulary: ['budget'] }]);
    const [ref] = match(index, [{ id: 'x', text: 'budget', from: { name: 'A' } }])[0].matches[0].messageRefs;
    expect(Object.keys(ref).sort()).toEqual(['id', 'offset', 'text']);
  });

  it('orders trackers as given, then phrases by vocabulary, then messages', () => {
    const index = compile([
      { name: 'Second', vocabulary: ['zebra', 'apple'] },
      { name: 'First', vocabulary: ['mango'] },
    ]);
    const result = match(index, [
      { id: '1', text: 'apple mango zebra' },
      { id: '2', text: 'zebra' },
    ]);
    expect(result.map((t) => t.name)).toEqual(['Second', 'First']);
    expect(result[0].matches.map((m) => m.value)).toEqual(['zebra', 'apple']);
    expect(result[0].matches[0].messageRefs.map((r) => r.id)).toEqual(['1', '2']);
  });

  it('lists one ref per message even when the phrase occurs twice in it, at the first place', () => {
    expect(findAll([{ name: 'T', vocabulary: ['sale'] }], ['sale here, sale there'])).toEqual([
      expect.objectContaining({ id: 'm0', offset: 0 }),
    ]);
  });

  it('leaves out a tracker whose excluded phrase matched the message', () => {
    const trackers = [{ name: 'Pricing', vocabulary: ['price'], excludeVocabulary: ['price of tea'] }];
    expect(findAll(trackers, ['What is the price of tea in China?'])).toEqual([]);
    expect(findAll(trackers, ['What is the price?'])).toHaveLength(1);
  });

  it('gives the same answer every run', () => {
    const trackers = [PROMOTION, { name: 'B', vocabulary: ['budget is tight', 'too expensive'] }];
    const texts = ["We're running a sale right now", 'Is the budget tight?', 'way too expensive'];
    expect(JSON.stringify(findAll(trackers, texts))).toBe(JSON.stringify(findAll(trackers, texts)));
  });
});

describe('long runs', () => {
  it('gives the same answers after its 32-bit marks wrap around', async () => {
    const { runtimeFor } = await import('../src/runtime.js');
    const { compile } = await import('../src/compile.js');
    const { match } = await import('../src/match.js');
    const trackers = [{ name: 'B', vocabulary: ['is the budget tight', 'we have a sale right now', 'not interested'] }];
    const messages = ['Is our budget tight this year?', "We're running a sale right now", "I'm not really interested", 'nothing here'].map((text, i) => ({ id: `m${i}`, text }));
    const expected = match(compile(trackers), messages, { details: true });
    const index = compile(trackers);
    const scratch = runtimeFor(index).scratch;
    scratch.serial = 0xffffffff - 1;
    for (let k = 0; k < 3; k++) expect(match(index, messages, { details: true })).toEqual(expected);
    expect(scratch.serial).toBeLessThan(100);
  });
});

describe('long messages', () => {
  it('finds a similar match of a phrase lying across the 32nd and 33rd words of a message, and past the 64th', async () => {
    const { compile } = await import('../src/compile.js');
    const { match } = await import('../src/match.js');
    const index = compile([{ name: 'B', vocabulary: ['is the budget tight this year'] }]);
    const filler = (words: number): string => Array.from({ length: words }, (_, k) => `word${k}`).join(' ');
    const at = (before: number) => match(index, [{ id: 'm', text: `${filler(before)}. Is our budget tight this year?` }], { details: true });
    for (const before of [0, 29, 30, 31, 62, 70]) {
      const refs = at(before).flatMap((t) => t.matches.flatMap((m) => m.messageRefs));
      expect(refs, `after ${before} words`).toEqual([expect.objectContaining({ id: 'm', offset: -1, tier: 'gap' })]);
    }
  });
});

describe('dialogueActs', () => {
  it('reads the act of each clause', async () => {
    const { dialogueActs } = await import('../src/nlp.js');
    expect(dialogueActs('What kinds of black tea do you have?')).toEqual(['wh-question']);
    expect(dialogueActs("Here's your order, is it correct?")).toEqual(['statement', 'yes-no question']);
    expect(dialogueActs('If it looks right, send it over.')).toEqual(['condition', 'request']);
    expect(dialogueActs('Ok, your order will be ready soon.')).toEqual(['statement']);
    expect(dialogueActs("I'd like a mocha, please.")).toEqual(['request', 'request']);
  });
});
