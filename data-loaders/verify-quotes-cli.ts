// `npm run verify-quotes -- FILE...`: checks that every quote of the ledger stands verbatim in
// one of the given source texts (see verify-quotes.ts for what counts as verbatim).
// Exit 0: every quote found; 1: a quote missing (each miss is reported) or a raw-layer error;
// 2: a usage error (no file, an unknown option, a file that cannot be read).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { RawInputError } from "./errors.ts";
import { readLedger } from "./ledger.ts";
import { RAW_DIR } from "./paths.ts";
import { formatMiss, normalizeSource, verifyQuotes, type NamedSource } from "./verify-quotes.ts";

const USAGE = "usage: npm run verify-quotes -- FILE...   (e.g. ../shared/seeds/*.txt)";

class UsageError extends Error {}

function sourceFiles(): string[] {
  try {
    const { positionals } = parseArgs({ allowPositionals: true, options: {} });
    if (positionals.length === 0) throw new UsageError(`no source file given\n${USAGE}`);
    return positionals;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

async function readSource(file: string): Promise<NamedSource> {
  try {
    return { name: file, source: normalizeSource(await readFile(file, "utf8")) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(`cannot read source file ${file} (${reason})`);
  }
}

async function main(): Promise<number> {
  const sources = await Promise.all(sourceFiles().map(readSource));
  const { statistics } = await readLedger(RAW_DIR);
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

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(error instanceof RawInputError ? `error: ${error.message}` : error);
      process.exitCode = 1;
    }
  },
);
