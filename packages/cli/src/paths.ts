// Command-line PATH arguments -> transcript files: files as given (whatever their extension), folders
// walked recursively (hidden entries skipped, and only transcript extensions taken: a NOTES.md beside the
// calls is not a failure), and glob patterns (*, ?, **) expanded here so they work in every shell.
import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

export interface Expanded {
  files: string[];
  /** Arguments that named nothing: [argument, reason]. */
  missing: Array<[string, string]>;
  /** Files in walked folders left out for their extension. */
  skipped: number;
}

/** What a walked folder contributes; a file named on the command line is read whatever its extension. */
export const TRANSCRIPT_EXTENSIONS: readonly string[] = ['.json', '.jsonl', '.ndjson', '.vtt', '.srt', '.txt'];
const isTranscript = (name: string): boolean => TRANSCRIPT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

const GLOB = /[*?[]/;

function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      out += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += /[.+^${}()|\\\]]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${out}$`);
}

async function walk(dir: string, into: string[], skipped?: { count: number }): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, into, skipped);
    else if (!entry.isFile()) continue;
    else if (skipped === undefined || isTranscript(entry.name)) into.push(path);
    else skipped.count++;
  }
}

export async function expandPaths(args: string[]): Promise<Expanded> {
  const files: string[] = [];
  const missing: Array<[string, string]> = [];
  const skipped = { count: 0 };
  for (const arg of args) {
    // "-" is standard input: the command reads it in its place.
    if (arg === '-') {
      files.push(arg);
      continue;
    }
    if (GLOB.test(arg)) {
      const normalized = arg.split(sep).join('/');
      const firstGlob = normalized.search(GLOB);
      const slash = normalized.lastIndexOf('/', firstGlob);
      const root = slash < 0 ? '.' : normalized.slice(0, slash) || '/';
      const found: string[] = [];
      try {
        await walk(root, found);
      } catch {
        missing.push([arg, 'no such file or directory']);
        continue;
      }
      const re = globToRegExp(normalized);
      const matched = found.filter((f) => re.test(f.split(sep).join('/')));
      if (matched.length === 0) missing.push([arg, 'no files match this pattern']);
      files.push(...matched);
      continue;
    }
    try {
      // One stat per argument, in order: synchronous is several times cheaper than a thread-pool round trip.
      const info = statSync(arg);
      if (info.isDirectory()) {
        const before = files.length, skippedBefore = skipped.count;
        await walk(arg, files, skipped);
        if (files.length === before) missing.push([arg, skipped.count > skippedBefore ? `the folder holds no transcripts (${TRANSCRIPT_EXTENSIONS.join(' ')})` : 'the folder holds no files']);
      } else {
        files.push(arg);
      }
    } catch {
      missing.push([arg, 'no such file or directory']);
    }
  }
  return { files, missing, skipped: skipped.count };
}
