export { run } from './run.js';
export type { Io, Output } from './io.js';
