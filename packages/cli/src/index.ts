export { run } from './run.js';
export type { Io, Output } from './io.js';
export { buildServer } from './server/app.js';
export type { ServerOptions } from './server/app.js';
export { tokenIssuer } from './server/auth.js';
