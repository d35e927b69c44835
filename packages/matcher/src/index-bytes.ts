// A compiled index as bytes and back, for a cache on disk or another thread. The typed arrays, nearly
// all of an index, are stored as they are in memory, each 8-byte aligned, after a JSON header that holds
// everything else; reading makes views on the bytes instead of copying them. Fresh memory is costly to
// touch (on a small VM, a 13 MB copy takes as long as reading the file), so loading an index touches it
// once.
import { ErrorCode, MatcherError } from './errors.js';
import { checkIndex } from './match.js';
import type { CompiledIndex } from './types.js';

const MAGIC = 0x58495750; // "PWIX", little-endian
const VERSION = 1;
/** Magic, version, header length: three 32-bit words. */
const PREAMBLE = 12;
const ALIGN = 8;

const KINDS = { Int32Array, Uint32Array, Float32Array, Float64Array, Uint8Array, Int8Array, Uint16Array, Int16Array } as const;
type Kind = keyof typeof KINDS;
type TypedArray = InstanceType<(typeof KINDS)[Kind]>;

/** A typed array's place in the index (its keys, e.g. ["trie", "edgeStem"]), kind, byte offset in the data and length. */
type ArrayEntry = [string[], Kind, number, number];

interface Header {
  /** The index without its typed arrays. */
  rest: Record<string, unknown>;
  arrays: ArrayEntry[];
}

const aligned = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;
const utf8 = new TextEncoder();

/** `index` (the result of compile()) as bytes that indexFromBytes reads back. */
export function indexToBytes(index: CompiledIndex): Uint8Array {
  checkIndex(index);
  const arrays: TypedArray[] = [];
  const entries: ArrayEntry[] = [];
  let size = 0;
  // The index is plain data: strings, numbers and lists of them, typed arrays, and objects of those.
  const split = (object: Record<string, unknown>, path: string[]): Record<string, unknown> => {
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(object)) {
      if (ArrayBuffer.isView(value)) {
        const kind = value.constructor.name as Kind;
        if (KINDS[kind] === undefined) throw new MatcherError(ErrorCode.indexInvalid, `index holds a ${kind}, which cannot be stored`);
        const array = value as TypedArray;
        entries.push([[...path, key], kind, size, array.length]);
        arrays.push(array);
        size = aligned(size + array.byteLength);
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        rest[key] = split(value as Record<string, unknown>, [...path, key]);
      } else {
        rest[key] = value;
      }
    }
    return rest;
  };
  const body: Header = { rest: split(index as unknown as Record<string, unknown>, []), arrays: entries };
  const header = utf8.encode(JSON.stringify(body));
  const dataStart = aligned(PREAMBLE + header.length);
  const bytes = new Uint8Array(dataStart + size);
  const words = new DataView(bytes.buffer);
  words.setUint32(0, MAGIC, true);
  words.setUint32(4, VERSION, true);
  words.setUint32(8, header.length, true);
  bytes.set(header, PREAMBLE);
  // Each array where its entry in the header says.
  arrays.forEach((array, k) => bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + entries[k][2]));
  return bytes;
}

/**
 * The index `bytes` hold (written by indexToBytes). Its typed arrays are views on `bytes` (on a copy when
 * `bytes` is not 8-byte aligned), so `bytes` must not be changed afterwards.
 */
export function indexFromBytes(bytes: Uint8Array): CompiledIndex {
  const invalid = (why: string): MatcherError => new MatcherError(ErrorCode.indexInvalid, `not a phrasewatch index: ${why}`);
  if (!(bytes instanceof Uint8Array) || bytes.length < PREAMBLE) throw invalid('too short');
  if (bytes.byteOffset % ALIGN !== 0) bytes = bytes.slice();
  const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (words.getUint32(0, true) !== MAGIC) throw invalid('wrong magic number');
  if (words.getUint32(4, true) !== VERSION) throw invalid(`version ${words.getUint32(4, true)}, this matcher reads ${VERSION}`);
  const headerLength = words.getUint32(8, true);
  if (PREAMBLE + headerLength > bytes.length) throw invalid('truncated header');
  const dataStart = bytes.byteOffset + aligned(PREAMBLE + headerLength);
  let index: CompiledIndex;
  try {
    // No reviver: JSON.parse is several times slower with one, and the arrays are listed apart.
    const { rest, arrays } = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
    for (const [path, kind, offset, length] of arrays) {
      const Make = KINDS[kind];
      if (Make === undefined) throw new Error(`unknown array kind ${String(kind)}`);
      let owner = rest;
      for (let k = 0; k < path.length - 1; k++) owner = owner[path[k]] as Record<string, unknown>;
      // A view past the end throws a RangeError: a truncated file.
      owner[path[path.length - 1]] = new Make(bytes.buffer as ArrayBuffer, dataStart + offset, length);
    }
    index = rest as unknown as CompiledIndex;
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  try {
    checkIndex(index);
  } catch {
    throw invalid(`format ${String((index as { format?: unknown })?.format)}`);
  }
  return index;
}
