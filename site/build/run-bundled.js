// Runs a TypeScript module of the project as a process's main module, from its bundle
// (import-bundled.js), without tsx: `node site/build/run-bundled.js FILE.ts [ARGS]`. The build
// forks its printer process so (spawn-printer.ts). The module sees ARGS from process.argv[2].
import { resolve } from "node:path";
import { runBundled } from "./import-bundled.js";

const [entry] = process.argv.splice(2, 1);
if (!entry) {
  console.error("usage: node site/build/run-bundled.js FILE.ts [ARGS]");
  process.exit(2);
}
await runBundled(resolve(entry));
