// The pipeline's command line, without Framework:
//
//   tsx data-loaders/cli.ts data --out DIR [--raw DIR]   (npm run data -- --out DIR)
//     the whole pipeline (index.ts): Parquet files, the audit and the data dictionary in DIR;
//   tsx data-loaders/cli.ts verify-quotes [FILE...]       (npm run verify-quotes [-- FILE...])
//     every quote of the ledger against the documents (audit/verify-quotes.ts): by default the
//     seeds raw/sources.tsv names, each checked against its sha256; else the files given.
//
// Exit 0: done; 1: a raw-layer error, or a quote not found (each miss is reported);
// 2: a usage error (no command, no file, an unknown option, a file that cannot be read).
// An error is one line, `error: file:line: invalid field: "value" (reason)` for bad raw input;
// DEBUG=1 adds the stack.
import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatMiss, normalizeSource, verifyQuotes, type NamedSource } from "./audit/verify-quotes.ts";
import { oneLineError } from "./errors.ts";
import { runPipeline } from "./index.ts";
import { readLedger } from "./normalize/ledger.ts";
import { PROJECT_ROOT, RAW_DIR } from "./paths.ts";

const USAGE = `usage: npm run verify-quotes [-- FILE...]   (default: the seeds raw/sources.tsv names)
       npm run data -- --out DIR [--raw DIR]`;

class UsageError extends Error {}

/** Runs `read`, an argument parser, turning its complaints into usage errors. */
function usage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function data(args: string[]): Promise<number> {
  const { values } = usage(() => parseArgs({ args, options: { out: { type: "string" }, raw: { type: "string" } } }));
  if (!values.out) throw new UsageError("missing --out DIR");
  const rawDir = resolve(values.raw ?? join(PROJECT_ROOT, "raw"));
  const { ledger, written } = await runPipeline(rawDir, resolve(values.out));
  console.log(`${ledger.statistics.length} statistics, ${ledger.tables.length} tables; wrote ${written.length} files to ${values.out}`);
  return 0;
}

async function readSource(file: string): Promise<NamedSource> {
  try {
    return { name: file, source: normalizeSource(await readFile(file, "utf8")) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(`cannot read source file ${file} (${reason})`);
  }
}

async function verify(args: string[]): Promise<number> {
  const { positionals } = usage(() => parseArgs({ args, allowPositionals: true, options: {} }));
  // The ledger first: it checks every seed against its recorded hash before any quote is looked for.
  const ledger = await readLedger(RAW_DIR);
  const files = positionals.length > 0 ? positionals : ledger.sources.map((s) => join(PROJECT_ROOT, s.seed));
  const sources = await Promise.all(files.map(readSource));
  const { statistics } = ledger;
  const { found, misses } = verifyQuotes(statistics, sources);
  for (const miss of misses) console.error(`${formatMiss(miss)}\n`);
  const names = sources.map((s) => basename(s.name)).join(", ");
  if (misses.length > 0) {
    console.error(`${misses.length} of ${statistics.length} quotes not found in ${names}`);
    return 1;
  }
  const perFile = sources.map((s) => `${basename(s.name)}: ${found.filter((f) => f.at.name === s.name).length}`);
  console.log(`${found.length} quotes verified against ${sources.length} files (${perFile.join(", ")})`);
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = { data, "verify-quotes": verify };

async function main([command, ...args]: string[]): Promise<number> {
  const run = command === undefined ? undefined : COMMANDS[command];
  if (!run) throw new UsageError(command === undefined ? "no command given" : `unknown command: ${command}`);
  return run(args);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n${USAGE}`);
      process.exitCode = 2;
    } else {
      // One line, raw-input error or not; the stack only with DEBUG=1 (errors.ts).
      console.error(`error: ${oneLineError(error)}`);
      process.exitCode = 1;
    }
  },
);
