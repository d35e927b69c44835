// Compiled trackers kept on disk between runs. Compiling 25,000 phrases reads each with wink-nlp: it
// takes longer than matching a few thousand messages, and a batch run, or a single call file, with the
// same trackers compiles the same index again. An entry is keyed by the trackers and by the engine's
// own code (every file of @phrasewatch/matcher's build and its package.json), so an edited or upgraded
// matcher never reads an index an older one wrote. The cache only saves time: an entry that cannot be
// read is compiled again, and one that cannot be written is left unwritten.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, indexFromBytes, indexToBytes, type CompiledIndex, type Tracker } from '@phrasewatch/matcher';
import { DEFAULTS } from './defaults.js';

/** PHRASEWATCH_CACHE_DIR, else the user's cache directory. */
function indexCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PHRASEWATCH_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'phrasewatch');
}

let engine: string | undefined;

/** A digest of the matcher's build: its compiled files and its package.json (which pins wink-nlp's version). */
function engineDigest(): string {
  if (engine !== undefined) return engine;
  const dist = dirname(fileURLToPath(import.meta.resolve('@phrasewatch/matcher')));
  const hash = createHash('sha256').update(readFileSync(join(dist, '..', 'package.json')));
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((file) => file.endsWith('.js')).sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(dist, file)));
  return (engine = hash.digest('hex'));
}

function entryPath(dir: string, trackers: readonly Tracker[], source: string | undefined): string {
  // The text the trackers were read from, when there is one: hashing it costs nothing beside writing the
  // trackers out again (25,000 phrases: 1 ms against 20).
  const what = source !== undefined ? `text\0${source}` : `json\0${JSON.stringify(trackers)}`;
  const key = createHash('sha256').update(engineDigest()).update('\0').update(what).digest('hex').slice(0, 32);
  return join(dir, `index-${key}.pwix`);
}

/** The compiled trackers and their bytes (indexToBytes), which batch workers read themselves. */
export interface CompiledTrackers {
  index: CompiledIndex;
  /** indexToBytes(index): the cache entry's bytes when there is one, else written on first call. */
  bytes(): Uint8Array;
}

function compiled(index: CompiledIndex, bytes?: Uint8Array): CompiledTrackers {
  return { index, bytes: () => (bytes ??= indexToBytes(index)) };
}

function read(path: string): CompiledTrackers | undefined {
  try {
    const bytes = readFileSync(path);
    // The index's arrays are views on these bytes: nothing is copied.
    const index = indexFromBytes(bytes);
    const now = new Date();
    utimesSync(path, now, now);
    return compiled(index, bytes);
  } catch {
    return undefined;
  }
}

function write(dir: string, path: string, trackers: CompiledTrackers): void {
  try {
    // The index holds the trackers' phrases: readable by its owner only.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, trackers.bytes(), { mode: 0o600 });
    renameSync(partial, path);
    prune(dir);
  } catch {
    // A cache that cannot be written (read-only, full, not a directory) only costs the next compile.
  }
}

/** Keeps the most recently used entries. */
function prune(dir: string): void {
  const entries = readdirSync(dir)
    // (.v8: entries an older matcher wrote; they age out with the rest.)
    .filter((name) => /^index-[0-9a-f]{32}\.(pwix|v8)$/.test(name))
    .map((name) => ({ path: join(dir, name), used: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { path } of entries.slice(DEFAULTS.indexCacheEntries)) unlinkSync(path);
}

export interface CompileTrackersOptions {
  /** Read the compiled index from the cache, and write it there when it is not (false: --no-index-cache). */
  cache: boolean;
  /** The text the trackers were parsed from (a --trackers file), which keys the entry instead of them. */
  source?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The trackers' compiled index: with `cache`, from the cache (indexCacheDir) when it holds it, else
 * compiled and cached there; without, compiled.
 */
export function compileTrackers(trackers: readonly Tracker[], options: CompileTrackersOptions): CompiledTrackers {
  const { cache, source, env = process.env } = options;
  if (!cache) return compiled(compile(trackers));
  let dir: string, path: string;
  try {
    dir = indexCacheDir(env);
    path = entryPath(dir, trackers, source);
  } catch {
    // No home to find the cache in, or the matcher's build cannot be read to key an entry: no cache,
    // the trackers compile as always.
    return compiled(compile(trackers));
  }
  const cached = read(path);
  if (cached !== undefined) return cached;
  const fresh = compiled(compile(trackers));
  write(dir, path, fresh);
  return fresh;
}
