import { describe, expect, it } from 'vitest';
import { find } from './helpers.js';

describe('offsets', () => {
  it('counts an emoji before the match as two code units', () => {
    const text = '😀 we have a sale right now on';
    expect(find('We have a sale right now on', text)).toMatchObject({ offset: 3 });
    expect(text.slice(3, 5)).toBe('we');
  });

  it('is right after curly quotes and a curly apostrophe in the match', () => {
    const text = '\u201CHonestly\u201D \u2014 I\u2019m not interested.';
    const ref = find('I am not interested', text);
    expect(ref).toMatchObject({ offset: 13 });
    expect(text.slice(13, 16)).toBe('I\u2019m');
  });

  it('is right after repeated spaces, tabs and line breaks', () => {
    const text = 'ok   so\t\n  what is the price';
    expect(find('What is the price', text)).toMatchObject({ offset: text.indexOf('what') });
  });

  it('is right after punctuation runs', () => {
    const text = 'Wait...what?! Hmm -- what is the price?';
    expect(find('What is the price', text)).toMatchObject({ offset: text.indexOf('what is') });
  });

  it('points at the first word of a spelled-out number', () => {
    const text = 'It is  five hundred dollars';
    expect(find('500 dollars', text)).toMatchObject({ offset: text.indexOf('five') });
  });

  it('points at the start of a contraction the phrase spells out', () => {
    const text = "Well, I'm not interested";
    expect(find('I am not interested', text)).toMatchObject({ offset: 6 });
  });

  it('is -1 for gap, fuzzy and stem matches', () => {
    expect(find('is the budget tight', 'is our budget tight')?.offset).toBe(-1);
    expect(find('send me a calendar invite', 'send me a calender invite')?.offset).toBe(-1);
    expect(find('quarantine', 'they were quarantined')?.offset).toBe(-1);
  });

  it('gives the position of the case-insensitive phrase in the text for every exact match', () => {
    const cases: Array<[string, string]> = [
      ['social distancing', 'Please remember to keep social distancing in the waiting room.'],
      ['security compliance', 'Understood. Are there any concerns with security compliance?'],
      ['set up a meeting next week', 'I can set up a meeting next week with our renewals team.'],
    ];
    for (const [phrase, text] of cases) {
      expect(find(phrase, text)).toMatchObject({ offset: text.toLowerCase().indexOf(phrase.toLowerCase()), tier: 'exact' });
    }
  });
});
