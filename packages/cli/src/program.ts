// The command tree. Actions return exit codes; nothing here exits the process.
import { Command, Option } from 'commander';
import { matchCommand } from './commands/match.js';
import type { Io } from './io.js';
import { parseThreshold, parseWorkers } from './options.js';
import { VERSION } from './version.js';

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('phrasewatch')
    .description("Find Symbl.ai-style tracker phrases in conversation transcripts, offline")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();

  program
    .command('match')
    .description('Match trackers against conversation files; prints one JSON line per file')
    .requiredOption('--trackers <file>', 'trackers JSON: a Symbl bulk-create body (array) or {"trackers": [...]}')
    .addOption(new Option('--threshold <n>', 'confidence threshold, 0.5 to 1 (default: tuned on the dev set)').argParser(parseThreshold))
    .addOption(new Option('--workers <n>', 'match in a pool of N worker threads').argParser(parseWorkers))
    .option('--details', 'add score and tier to every message ref')
    .argument('<files...>', 'conversation files: {"messages": [{id, text, ...}]}')
    .addHelpText('after', '\nExample:\n  phrasewatch match --trackers trackers.json calls/*.json > detected.jsonl\n')
    .action(async (files: string[], options) => setExit(await matchCommand(files, options, io)));

  return program;
}
