import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { RawInputError } from "./errors.ts";
import { readLedger } from "./ledger.ts";
import { writeOutputs } from "./outputs.ts";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/** `npm run data -- --out DIR [--raw DIR]`: the whole pipeline, without Framework. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" }, raw: { type: "string" } } });
  if (!values.out) throw new Error("usage: npm run data -- --out DIR [--raw DIR]");
  const rawDir = resolve(values.raw ?? join(projectRoot, "raw"));
  const ledger = await readLedger(rawDir);
  const written = await writeOutputs(ledger, resolve(values.out));
  console.log(`${ledger.statistics.length} statistics, ${ledger.tables.length} tables; wrote ${written.length} files to ${values.out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof RawInputError ? `error: ${error.message}` : error);
  process.exitCode = 1;
});
