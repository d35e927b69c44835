import { describe, expect, it } from 'vitest';
import { readConversations } from '../src/index.js';

const speakersOf = (text: string, name: string): Array<[string | undefined, string]> =>
  readConversations(text, { name, baseName: 'call' })[0].messages.map((m) => [m.from.name, m.text]);

describe('speaker prefixes', () => {
  it('takes names in any script from "Name: text" lines, and leaves a lower-case "note:" in the text', () => {
    expect(speakersOf('Zoë: How much does it cost?\nJosé: Ten dollars.\n李雷：多少钱？\nnote: not a speaker\n', 'call.txt')).toEqual([
      ['Zoë', 'How much does it cost?'], ['José', 'Ten dollars.'], ['李雷', '多少钱？'], [undefined, 'note: not a speaker'],
    ]);
  });

  it('takes them from SubRip cues too, so the offsets of matches count from the text alone', () => {
    const srt = '1\n00:00:01,000 --> 00:00:03,000\nZoë: How much does it cost?\n\n2\n00:00:04,000 --> 00:00:05,000\nJosé-María O\'Neil: Ten.\n';
    expect(speakersOf(srt, 'call.srt')).toEqual([['Zoë', 'How much does it cost?'], ["José-María O'Neil", 'Ten.']]);
  });

  it('does not take a name longer than 40 characters', () => {
    const long = `${'A'.repeat(45)}: text`;
    expect(speakersOf(`${long}\n`, 'call.txt')).toEqual([[undefined, long]]);
  });
});
