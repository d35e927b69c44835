// `phrasewatch trackers ...`: Symbl's Management API over the local store.
import { writeFile } from 'node:fs/promises';
import type { PatchOperation, Store, Tracker, TrackerBody } from '@phrasewatch/core';
import type { Command } from 'commander';
import { UsageError, describeError } from '../exit.js';
import { readBody } from '../input.js';
import { printJson, writeOut, type Io } from '../io.js';
import { formatTable } from '../output/index.js';
import { withStore } from '../store.js';

type Run = (code: Promise<number>) => Promise<void>;

const table = (trackers: Tracker[]): string =>
  formatTable(['id', 'name', 'phrases', 'updated'], trackers.map((t) => [t.id, t.name, String(t.vocabulary.length), t.updatedOn]));

export function registerTrackers(program: Command, io: Io, run: Run): void {
  const trackers = program.command('trackers').description('Manage trackers in the local store (Symbl\'s Management API)');
  const db = (cmd: Command): Command => cmd.option('--db <path>', 'store file (default: $PHRASEWATCH_DB or the user data directory)');
  const act = (body: (store: Store, ...args: any[]) => Promise<unknown>) => (...args: any[]) => {
    const options = args[args.length - 2] as { db?: string; table?: boolean };
    return run(withStore(options.db, async (store) => {
      const result = await body(store, ...args);
      if (result !== undefined) await printJson(io.stdout, result);
      return 0;
    }));
  };

  db(trackers.command('create').argument('[file]', 'tracker JSON {name, vocabulary, ...}; - or nothing for stdin'))
    .description('Create one tracker')
    .addHelpText('after', '\nExample:\n  echo \'{"name":"Pricing","vocabulary":["what is the price"]}\' | phrasewatch trackers create\n')
    .action(act(async (store, file) => store.createTracker(await readBody<TrackerBody>(file, io.stdin))));

  db(trackers.command('bulk').argument('[file]', 'an array of trackers; - or nothing for stdin'))
    .description('Create many trackers, all or nothing')
    .addHelpText('after', '\nExample:\n  phrasewatch trackers bulk trackers.json\n')
    .action(act(async (store, file) => store.createTrackers(await readBody<TrackerBody[]>(file, io.stdin))));

  db(trackers.command('list').option('--name <name>', 'only the tracker with this exact name').option('--table', 'a table for humans'))
    .description('List trackers')
    .addHelpText('after', '\nExample:\n  phrasewatch trackers list --table\n')
    .action((options: { name?: string; table?: boolean; db?: string }) => run(withStore(options.db, async (store) => {
      const { trackers: list } = await store.listTrackers(options.name === undefined ? {} : { name: options.name });
      if (options.table) await writeOut(io.stdout, table(list));
      else await printJson(io.stdout, { trackers: list });
      return 0;
    })));

  db(trackers.command('get').argument('<id>'))
    .description('Show one tracker')
    .addHelpText('after', '\nExample:\n  phrasewatch trackers get 4476908732794496\n')
    .action(act(async (store, id) => store.getTracker(id)));

  db(trackers.command('update').argument('<id>').argument('[file]', 'the whole new tracker; - or nothing for stdin'))
    .description('Replace a tracker (Symbl\'s PUT)')
    .addHelpText('after', '\nExample:\n  phrasewatch trackers update 4476908732794496 pricing.json\n')
    .action(act(async (store, id, file) => store.updateTracker(id, await readBody<TrackerBody>(file, io.stdin))));

  db(trackers.command('patch').argument('<id>').argument('[file]', 'a JSON Patch array; - or nothing for stdin'))
    .description('Edit a tracker with JSON Patch (add, replace, remove)')
    .addHelpText('after', '\nExample:\n  echo \'[{"op":"add","path":"/vocabulary/-","value":"price per seat"}]\' | phrasewatch trackers patch 4476908732794496\n')
    .action(act(async (store, id, file) => store.patchTracker(id, await readBody<PatchOperation[]>(file, io.stdin))));

  db(trackers.command('delete').argument('<id>'))
    .description('Delete a tracker')
    .addHelpText('after', '\nExample:\n  phrasewatch trackers delete 4476908732794496\n')
    .action(act(async (store, id) => store.deleteTracker(id)));

  db(trackers.command('import').argument('<file>', 'a bulk-create body or a list response ({"trackers": [...]})'))
    .description('Create trackers from a file, all or nothing; ids and dates in it are ignored')
    .addHelpText('after', '\nExample:\n  phrasewatch trackers import exported.json\n')
    .action(act(async (store, file) => {
      const body = await readBody(file, io.stdin);
      const list = Array.isArray(body) ? body : (body as { trackers?: unknown }).trackers;
      if (!Array.isArray(list)) throw new UsageError(`${file}: expected an array of trackers or {"trackers": [...]}`);
      return store.createTrackers(list.map(({ id: _i, createdOn: _c, updatedOn: _u, ...rest }: Record<string, unknown>) => rest as unknown as TrackerBody));
    }));

  db(trackers.command('export').option('--out <file>', 'write to a file instead of stdout'))
    .description('Write every tracker as a Symbl bulk-create body')
    .addHelpText('after', '\nExample:\n  phrasewatch trackers export --out trackers.json\n')
    .action((options: { out?: string; db?: string }) => run(withStore(options.db, async (store) => {
      const body = (await store.listTrackers()).trackers.map(({ id: _i, createdOn: _c, updatedOn: _u, ...rest }) => rest);
      const text = JSON.stringify(body, null, 2) + '\n';
      if (options.out) await writeFile(options.out, text).catch((error: unknown) => { throw new UsageError(`--out ${options.out}: ${describeError(error)}`); });
      else await writeOut(io.stdout, text);
      return 0;
    })));
}
