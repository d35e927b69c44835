import { describe, expect, it } from 'vitest';
import { parseJson } from '../src/index.js';

const messageOf = (text: string): string => {
  try {
    parseJson(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected malformed JSON');
};

describe('malformed JSON', () => {
  it.each([
    ['{\n  "name": "x",\n  "vocabulary": [1,]\n}', 'line 3, column 20', "Unexpected token ']'"],
    ['{"a": 1}\n{"b": 2}', 'line 2, column 1', 'Unexpected non-whitespace character after JSON'],
    ['[{"name": "y"\n "vocabulary": []}]', 'line 2, column 2', "Expected ',' or '}' after property value"],
    ['{"a": [1, 2', 'line 1, column 12', "Expected ',' or ']' after array element"],
    ['', 'line 1, column 1', 'Unexpected end of JSON input'],
    [`[${'{"name": "x", "vocabulary": ["abc"]},'.repeat(30)} x]`, 'line 1, column 1113', "Unexpected token 'x'"],
  ])('says where the error is in %j: %s', (text, where, what) => {
    const message = messageOf(text);
    expect(message).toContain(`malformed JSON at ${where}: ${what}`);
    expect(message).not.toMatch(/position \d/);
  });
});
