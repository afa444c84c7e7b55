// npm run test:unit / test:e2e: Node 20's test runner neither expands globs nor finds .ts
// files by itself, so this lists the *.test.ts files under the given folders and runs them.
import { spawnSync } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("--"));
const folders = args.filter((a) => !a.startsWith("--"));
const files: string[] = [];
for (const folder of folders) {
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".test.ts")) files.push(join(entry.parentPath, entry.name));
  }
}
if (files.length === 0) {
  console.error(`error: no *.test.ts files under ${folders.join(", ")}`);
  process.exit(1);
}
files.sort();
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", ...flags, ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
