// The library's TypeScript surface: strict callers get compile errors for malformed bodies.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('types', () => {
  it('types store bodies with TrackerBody, PatchOperation and ProcessTextRequest, not unknown', () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      output = execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'test/types/tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    expect(output).toBe('');
  });
});
