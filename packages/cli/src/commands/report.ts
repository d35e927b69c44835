// `phrasewatch report`: one self-contained HTML file from the store.
import type { Command } from 'commander';
import { UsageError, describeError } from '../exit.js';
import { writeOut, type Io } from '../io.js';
import { openAtomic } from '../output/index.js';
import { renderReport, type ReportConversation } from '../report/html.js';
import { withStore } from '../store.js';

type Run = (code: Promise<number>) => Promise<void>;

export function registerReport(program: Command, io: Io, run: Run): void {
  program
    .command('report')
    .description('Write an HTML report of stored conversations and their tracker hits')
    .requiredOption('--out <file>', 'the HTML file to write')
    .option('--conversation <id...>', 'only these conversations (default: all)')
    .option('--db <path>', 'store file')
    .addHelpText('after', '\nExample:\n  phrasewatch match --trackers trackers.json --store calls/ && phrasewatch report --out report.html\n')
    .action((options: { out: string; conversation?: string[]; db?: string }) => run(withStore(options.db, async (store) => {
      const all = new Map((await store.listConversations()).conversations.map((c) => [c.id, c.name]));
      const ids = options.conversation ?? [...all.keys()];
      const conversations: ReportConversation[] = [];
      for (const id of ids) {
        conversations.push({
          id,
          name: all.get(id) ?? id,
          messages: (await store.getMessages(id)).messages,
          trackers: await store.getTrackersDetected(id),
        });
      }
      const file = await openAtomic(options.out).catch((error: unknown) => { throw new UsageError(`--out ${options.out}: ${describeError(error)}`); });
      try {
        await writeOut(file.output, renderReport(conversations, new Date().toISOString()));
        await file.commit();
      } catch (error) {
        file.abort();
        throw error;
      }
      await writeOut(io.stderr, `phrasewatch: wrote ${options.out} (${conversations.length} conversations)\n`);
      return 0;
    })));
}
