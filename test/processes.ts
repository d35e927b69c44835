// Long-running phrasewatch processes (serve, worker) for end-to-end tests, and a webhook receiver.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLI } from './helpers.js';

export const APP = { appId: 'local-app', appSecret: 'local-secret' };

export interface Running {
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

/** Starts `phrasewatch ARGS` and resolves once its stderr matches `ready` (with the match). */
export async function start(args: string[], ready: RegExp): Promise<Running & { ready: RegExpExecArray }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk;
      const m = ready.exec(log);
      if (m) resolve(m);
    });
    child.stdout!.resume();
    child.on('exit', () => reject(new Error(`phrasewatch ${args[0]} exited: ${log}`)));
  });
  return {
    child, log: () => log, exited, ready: match,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export async function serve(args: string[]): Promise<Running & { base: string }> {
  const running = await start(['serve', '--port', '0', '--app-id', APP.appId, '--app-secret', APP.appSecret, ...args], /listening on (http:\/\/\S+)/);
  return { ...running, base: running.ready[1] };
}

export const worker = (args: string[]): Promise<Running> => start(['worker', ...args], /worker running jobs/);

/** A Symbl REST client for one server: a token, then JSON calls. */
export async function client(base: string) {
  const tokenResponse = await fetch(`${base}/oauth2/token:generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'application', ...APP }) });
  const { accessToken } = (await tokenResponse.json()) as { accessToken: string };
  return async <T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-api-key': accessToken },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** Records webhook notifications in arrival order. */
export async function receiver(): Promise<{ url: string; received: Array<{ jobId: string; status: string }>; close: () => Promise<void> }> {
  const received: Array<{ jobId: string; status: string }> = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(JSON.parse(body));
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Statuses in the order they first arrived, per job: at-least-once delivery may repeat one. */
export function firstArrivals(received: Array<{ jobId: string; status: string }>): Map<string, string[]> {
  const byJob = new Map<string, string[]>();
  for (const { jobId, status } of received) {
    const list = byJob.get(jobId) ?? [];
    if (!list.includes(status)) list.push(status);
    byJob.set(jobId, list);
  }
  return byJob;
}
