// npm run test:unit / test:e2e: Node 20's test runner neither expands globs nor finds .ts
// files by itself, so this lists the *.test.ts files under the given folders and runs them.
// The tests' scratch files (fixture copies, scratch projects, browser profiles) go into a
// folder of this run's own, which it removes once they end, passed or failed: a run leaves
// nothing in the machine's temporary folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("--"));
const folders = args.filter((a) => !a.startsWith("--"));
const files: string[] = [];
for (const folder of folders) {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".test.ts")) files.push(join(entry.parentPath, entry.name));
  }
}
if (files.length === 0) {
  console.error(`error: no *.test.ts files under ${folders.join(", ")}`);
  process.exit(1);
}
files.sort();
const scratch = mkdtempSync(join(tmpdir(), "report-tests-"));
let status: number;
try {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--test", ...flags, ...files], { stdio: "inherit", env: { ...process.env, TMPDIR: scratch } });
  status = result.status ?? 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);
