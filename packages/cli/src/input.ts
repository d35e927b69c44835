// Request bodies for store commands: a JSON file, or standard input when the file is "-" or left out.
import { readFile } from 'node:fs/promises';
import { parseJson } from '@phrasewatch/core';
import { UsageError, describeError } from './exit.js';

export async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += chunk;
  return text;
}

/** A JSON body, typed as the store takes it: the store checks every body at run time. */
export async function readBody<T = unknown>(file: string | undefined, stdin: NodeJS.ReadableStream | undefined): Promise<T> {
  let text: string;
  if (file === undefined || file === '-') {
    if (!stdin) throw new UsageError('give a JSON file, or pipe the JSON body on standard input');
    text = await readStdin(stdin);
    if (text.trim() === '') throw new UsageError('standard input is empty; give a JSON file or pipe a JSON body');
  } else {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`${file}: ${describeError(error)}`);
    }
  }
  try {
    return parseJson(text) as T;
  } catch (error) {
    throw new UsageError(`${file ?? 'standard input'}: ${describeError(error)}`);
  }
}
