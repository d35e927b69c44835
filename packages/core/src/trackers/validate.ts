// Symbl's tracker rules, each failure naming the field and the value.
import { DEFAULTS } from '../defaults.js';
import { CoreError, CoreErrorCode } from '../errors.js';
import type { TrackerBody } from '../types.js';

const KEYS = new Set(['id', 'name', 'description', 'categories', 'languages', 'vocabulary', 'excludeVocabulary', 'createdOn', 'updatedOn']);
// Letters and digits of any script, spaces, periods, apostrophes (straight or curly) and hyphens.
const FORBIDDEN = /[^\p{L}\p{M}\p{N} .'\u2019-]/u;

const show = (value: unknown): string => (JSON.stringify(value) ?? String(value)).slice(0, 80);

// Control characters other than tab, line feed and carriage return: a NUL would cut a name short in some
// drivers and refuse the write in others, and none of them belongs in a name.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why `value` may not be a name (it holds a control character), or null. */
export function controlIn(field: string, value: string): string | null {
  const bad = CONTROL.exec(value);
  if (bad === null) return null;
  return `"${field}" has the control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; names may not hold control characters`;
}

function checkNoControls(where: string, field: string, value: string): void {
  const problem = controlIn(field, value);
  if (problem) throw invalid(`${where}: ${problem}`);
}
const invalid = (message: string): CoreError => new CoreError(CoreErrorCode.trackerInvalid, message, 400);

function strings(field: string, value: unknown, where: string): string[] {
  if (!Array.isArray(value)) throw invalid(`${where}: "${field}" must be an array of strings, got ${show(value)}`);
  value.forEach((item, i) => {
    if (typeof item !== 'string') throw invalid(`${where}: "${field}[${i}]" must be a string, got ${show(item)}`);
  });
  return value as string[];
}

function phrases(field: string, value: unknown, where: string, required: boolean): string[] | undefined {
  if (value === undefined && !required) return undefined;
  const list = strings(field, value, where).map((p) => p.trim());
  if (required && list.length === 0) throw invalid(`${where}: "${field}" must hold at least one phrase`);
  const seen = new Map<string, string>();
  list.forEach((phrase, i) => {
    if (phrase === '') throw invalid(`${where}: "${field}[${i}]" is empty`);
    const bad = FORBIDDEN.exec(phrase);
    if (bad) throw invalid(`${where}: phrase ${show(phrase)} in "${field}" has the character ${show(bad[0])}; only letters, digits, spaces, periods, apostrophes and hyphens are allowed`);
    if (!/[\p{L}\p{N}]/u.test(phrase)) throw invalid(`${where}: phrase ${show(phrase)} in "${field}" has no letters or digits to match`);
    const key = phrase.toLocaleLowerCase('en-US');
    if (seen.has(key)) throw invalid(`${where}: phrase ${show(phrase)} in "${field}" duplicates ${show(seen.get(key))}`);
    seen.set(key, phrase);
  });
  return list;
}

/** Checks a create/replace body and returns it with only Symbl's fields; `where` names it in messages. */
export function checkTrackerBody(value: unknown, where = 'tracker'): TrackerBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${where} must be an object, got ${show(value)}`);
  const body = value as Record<string, unknown>;
  for (const key of Object.keys(body)) if (!KEYS.has(key)) throw invalid(`${where}: unknown field ${show(key)}`);
  if (typeof body.name !== 'string' || body.name.trim() === '') throw invalid(`${where}: "name" must be a non-empty string, got ${show(body.name)}`);
  checkNoControls(where, 'name', body.name);
  const name = body.name.trim();
  const at = `tracker ${show(name)}`;
  const out: TrackerBody = { name, vocabulary: phrases('vocabulary', body.vocabulary, at, true)! };
  if (body.description !== undefined) {
    if (typeof body.description !== 'string') throw invalid(`${at}: "description" must be a string, got ${show(body.description)}`);
    checkNoControls(at, 'description', body.description);
    out.description = body.description;
  }
  if (body.categories !== undefined) out.categories = strings('categories', body.categories, at);
  if (body.languages !== undefined) out.languages = strings('languages', body.languages, at);
  for (const field of ['categories', 'languages'] as const) for (const item of out[field] ?? []) checkNoControls(at, field, item);
  const excluded = phrases('excludeVocabulary', body.excludeVocabulary, at, false);
  if (excluded !== undefined) out.excludeVocabulary = excluded;
  return out;
}

export function warningsFor(body: TrackerBody): string[] | undefined {
  const n = body.vocabulary.length;
  const has = `tracker "${body.name}" has ${n} phrase${n === 1 ? '' : 's'}; ${DEFAULTS.minRecommendedPhrases} to ${DEFAULTS.maxRecommendedPhrases} are recommended`;
  if (n < DEFAULTS.minRecommendedPhrases || n > DEFAULTS.maxRecommendedPhrases) return [has];
  return undefined;
}

/** Deeper than any request Symbl defines; deep enough for any honest one. */
const MAX_DEPTH = 64;

/** How deep arrays and objects nest, without recursion (a hostile body may nest 10,000 levels). */
function depthOver(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** Symbl refuses bodies over 1 MB; so do we, before looking inside. Absurdly deep bodies are refused too. */
export function checkBodySize(body: unknown, limit: number): void {
  if (depthOver(body, MAX_DEPTH)) throw new CoreError(CoreErrorCode.requestInvalid, `request body nests arrays and objects deeper than ${MAX_DEPTH} levels`, 400);
  const bytes = Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');
  if (bytes > limit) throw new CoreError(CoreErrorCode.bodyTooLarge, `request body is ${bytes} bytes; the limit is ${limit}`, 413);
}
