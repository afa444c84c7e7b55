// `npm run build` (plain JavaScript: it runs before anything could load TypeScript).
// - First it forks the build's loader process, which loads its own modules and reads the
//   ledger while this one starts (site/build/fork-loader-process.js).
// - It registers the one module hook Framework passes through: it lets the build keep some of
//   Framework's results from one build to the next (site/build/framework-memo/).
// - Then it runs the build's command line, scripts/build.ts, from a bundle of its TypeScript
//   (site/build/import-bundled.js), not through tsx: the build checks its cache and gives the
//   loaders their order first, and loads Framework, its largest dependency, while they run.
import { fileURLToPath } from "node:url";
import { forkEarlyLoaderProcess } from "../site/build/fork-loader-process.js";
import "../site/build/framework-memo/register.js";
import { runBundled } from "../site/build/import-bundled.js";

forkEarlyLoaderProcess();

await runBundled(fileURLToPath(new URL("./build.ts", import.meta.url)));
