import { describe, expect, it } from 'vitest';
import { inOrder } from '../src/batch/in-order.js';

const later = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

async function collect<T>(results: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of results) out.push(r);
  return out;
}

describe('inOrder', () => {
  it('yields every batch in order, converting on this thread while the pool is busy', async () => {
    const where: string[] = [];
    const results = await collect(inOrder({
      count: 20,
      remote: (k) => { where[k] = 'pool'; return later(15, `r${k}`); },
      local: (k) => { where[k] = 'here'; return `l${k}`; },
      remoteAhead: 2,
      limit: 6,
    }));
    expect(results).toEqual(where.map((side, k) => `${side === 'pool' ? 'r' : 'l'}${k}`));
    expect(where.filter((w) => w === 'here').length).toBeGreaterThan(0);
    expect(where.filter((w) => w === 'pool').length).toBeGreaterThan(0);
  });

  it('keeps at most `limit` batches converted and not yet taken, and `remoteAhead` pool tasks in flight', async () => {
    let inFlight = 0, mostInFlight = 0, started = 0, taken = 0, mostAhead = 0;
    const results = inOrder({
      count: 30,
      remote: async (k) => {
        started++;
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await later(5, 0);
        inFlight--;
        return k;
      },
      local: (k) => { started++; return k; },
      remoteAhead: 3,
      limit: 5,
    });
    for await (const k of results) {
      expect(k).toBe(taken++);
      mostAhead = Math.max(mostAhead, started - taken);
      await later(2, 0);
    }
    expect(taken).toBe(30);
    expect(mostInFlight).toBeLessThanOrEqual(3);
    expect(mostAhead).toBeLessThanOrEqual(5);
  });

  it('converts everything on this thread when there is no pool', async () => {
    expect(await collect(inOrder({ count: 4, local: (k) => k * 10, remoteAhead: 0, limit: 1 }))).toEqual([0, 10, 20, 30]);
  });

  it('throws a failed pool task at its place in the order, after the batches before it', async () => {
    const taken: number[] = [];
    const run = async () => {
      for await (const k of inOrder({
        count: 6,
        remote: (k) => (k === 2 ? Promise.reject(new Error('worker died')) : later(1, k)),
        local: (k) => k,
        remoteAhead: 4,
        limit: 8,
      })) taken.push(k);
    };
    await expect(run()).rejects.toThrow('worker died');
    expect(taken).toEqual([0, 1]);
  });

  it('waits for the pool tasks in flight when the reader stops early', async () => {
    let settled = 0;
    for await (const k of inOrder({
      count: 10,
      remote: (k) => later(10, k).finally(() => settled++),
      local: (k) => k,
      remoteAhead: 4,
      limit: 8,
    })) {
      if (k === 0) break;
    }
    expect(settled).toBe(4);
  });
});
