// The command tree. Actions resolve to exit codes; nothing here exits the process.
import { INPUT_FORMATS } from '@phrasewatch/core';
import { Command, Option } from 'commander';
import { matchCommand } from './commands/match.js';
import { registerProcess } from './commands/process.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { registerSync } from './commands/sync.js';
import { registerTrackers } from './commands/trackers.js';
import { registerWorker } from './commands/worker.js';
import type { Io } from './io.js';
import { parseThreshold, parseWorkers } from './options.js';
import { OUTPUT_FORMATS } from './output/index.js';
import { VERSION } from './version.js';

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('phrasewatch')
    .description("Find Symbl.ai-style tracker phrases in conversation transcripts, offline")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    // A usage error says what is wrong and where help is, not the whole help.
    .showHelpAfterError('(add --help for usage and an example)')
    .addHelpText('after', '\nExample:\n  phrasewatch match --trackers trackers.json calls/ --format table\n');
  // Subcommands inherit exitOverride and output settings.
  program.configureHelp({ sortSubcommands: false });
  const run = async (code: Promise<number>): Promise<void> => setExit(await code);

  program
    .command('match')
    .description('Match trackers against transcript files, folders or globs; one JSON line per conversation by default')
    .option('--trackers <file>', 'trackers JSON: a Symbl bulk-create body (array) or {"trackers": [...]}')
    .option('--all-trackers', 'use every tracker in the local store')
    .addOption(new Option('--input-format <format>', 'read every file as this format').choices([...INPUT_FORMATS]))
    .addOption(new Option('--format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('jsonl'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .addOption(new Option('--threshold <n>', 'confidence threshold, 0.5 to 1 (default 0.5, as Symbl; calibrated so that 0.5 is the tuned operating point)').argParser(parseThreshold))
    .addOption(new Option('--workers <n>', 'threads that match: this one and N - 1 workers (default: the number of cores for 8 MB of input or more, else 1)').argParser(parseWorkers))
    .option('--details', 'add score and tier to every message ref')
    .option('--quiet', 'no progress bar')
    .option('--fail-fast', 'stop at the first file that fails')
    .option('--started-at <time>', 'when the recordings started (ISO): subtitle cues (.vtt, .srt) get wall-clock times; else only offsets')
    .option('--store', 'also save each conversation and its detections in the local store')
    .option('--db <path>', 'store file for --store and --all-trackers')
    .option('--no-index-cache', 'compile the trackers even when a compiled copy is cached (PHRASEWATCH_CACHE_DIR, else ~/.cache/phrasewatch)')
    .argument('<paths...>', 'transcript files, folders (walked recursively), glob patterns, or - for standard input')
    .addHelpText('after', `
Formats (from the extension and content, or --input-format): Symbl Conversation API messages JSON,
Symbl Async Text API bodies (inline trackers apply to that file), JSON Lines of either, WebVTT (.vtt,
speakers from <v Name>), SubRip (.srt) and plain text (.txt, "Speaker: text" per line).

Example:
  phrasewatch match --trackers trackers.json calls/ > detected.jsonl
`)
    .action(async (paths: string[], options) => setExit(await matchCommand(paths, options, io)));

  registerTrackers(program, io, run);
  registerProcess(program, io, run);
  registerStats(program, io, run);
  registerReport(program, io, run);
  registerServe(program, io, run);
  registerWorker(program, io, run);
  registerSync(program, io, run);
  return program;
}
