// JSON Patch (add / replace / remove) on the fields Symbl's PATCH allows.
import { CoreError, CoreErrorCode } from '../errors.js';
import type { PatchOperation, TrackerBody } from '../types.js';

const PATHS = new Set(['/name', '/description', '/categories', '/languages', '/vocabulary', '/excludeVocabulary']);
const LISTS = new Set(['categories', 'languages', 'vocabulary', 'excludeVocabulary']);
const invalid = (message: string): CoreError => new CoreError(CoreErrorCode.patchInvalid, message, 400);

/**
 * Applies `ops` to a copy of `body`. Paths are a field ("/vocabulary") or, for lists, an element
 * ("/vocabulary/2", "/vocabulary/-" to append). The result is checked again by the caller.
 */
export function applyPatch(body: TrackerBody, ops: unknown): Record<string, unknown> {
  if (!Array.isArray(ops) || ops.length === 0) throw invalid('a patch must be a non-empty array of operations');
  const out: Record<string, unknown> = structuredClone(body) as unknown as Record<string, unknown>;
  ops.forEach((raw: unknown, i) => {
    const op = raw as PatchOperation;
    if (typeof op !== 'object' || op === null || !['add', 'replace', 'remove'].includes(op.op)) {
      throw invalid(`operation ${i}: "op" must be "add", "replace" or "remove", got ${JSON.stringify((op as { op?: unknown })?.op)}`);
    }
    if (typeof op.path !== 'string') throw invalid(`operation ${i}: "path" must be a string`);
    const [, field, element, ...rest] = op.path.split('/');
    if (!PATHS.has(`/${field}`) || rest.length > 0 || (element !== undefined && !LISTS.has(field))) {
      throw invalid(`operation ${i}: path ${JSON.stringify(op.path)} is not one of ${[...PATHS].join(', ')} (or an element of a list)`);
    }
    if (op.op !== 'remove' && op.value === undefined) throw invalid(`operation ${i}: "${op.op}" needs a "value"`);
    if (element === undefined) {
      // On a list, "add" appends the phrases not there yet and "remove" with a value removes those
      // phrases, as Symbl's PATCH does; "replace" (and "remove" without a value, where allowed) take the
      // whole field. An app ported from Symbl never wipes a vocabulary with "add".
      if (LISTS.has(field) && (op.op === 'add' || (op.op === 'remove' && op.value !== undefined))) {
        const items = Array.isArray(op.value) ? op.value : [op.value];
        const list = Array.isArray(out[field]) ? (out[field] as unknown[]) : [];
        const key = (v: unknown): unknown => (typeof v === 'string' ? v.trim().toLocaleLowerCase('en-US') : v);
        if (op.op === 'add') {
          const have = new Set(list.map(key));
          for (const item of items) {
            if (!have.has(key(item))) list.push(item);
            have.add(key(item));
          }
          out[field] = list;
        } else {
          const drop = new Set(items.map(key));
          const missing = items.filter((item) => !list.some((v) => key(v) === key(item)));
          if (missing.length > 0) throw invalid(`operation ${i}: "${field}" has no ${JSON.stringify(missing[0])} to remove`);
          out[field] = list.filter((v) => !drop.has(key(v)));
        }
        return;
      }
      if (op.op === 'remove') {
        if (field === 'name' || field === 'vocabulary') throw invalid(`operation ${i}: "${field}" cannot be removed`);
        delete out[field];
      } else {
        out[field] = op.value;
      }
      return;
    }
    const list = Array.isArray(out[field]) ? (out[field] as unknown[]) : (out[field] = []) as unknown[];
    const at = element === '-' ? list.length : Number(element);
    const limit = op.op === 'add' ? list.length : list.length - 1;
    if (!Number.isInteger(at) || at < 0 || at > limit) throw invalid(`operation ${i}: index ${JSON.stringify(element)} is outside "${field}" (length ${list.length})`);
    if (op.op === 'add') list.splice(at, 0, op.value);
    else if (op.op === 'replace') list[at] = op.value;
    else list.splice(at, 1);
  });
  return out;
}
