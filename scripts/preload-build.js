// `npm run build` loads this with `node --import`, before tsx:
// - First it forks the build's loader process, which loads its own modules, reads the ledger and
//   imports the loaders while this process loads Framework and checks the build's cache
//   (site/build/fork-loader-process.js).
// - It registers the one module hook Framework passes through: it lets the build keep some of
//   Framework's results from one build to the next (site/build/framework-memo/).
// - Then it loads Framework, the build's largest dependency, plain JavaScript: here it does not
//   pass through tsx's module hooks, which would otherwise see each of its hundreds of modules
//   (a quarter of a second of every build). The build imports it first anyway, and tsx then
//   loads the project's TypeScript. (playwright-core loads later, when the build has time for
//   it: site/pdf/chromium.ts.)
import { forkEarlyLoaderProcess } from "../site/build/fork-loader-process.js";
import "../site/build/framework-memo/register.js";

forkEarlyLoaderProcess();

await Promise.all([import("@observablehq/framework/dist/config.js"), import("@observablehq/framework/dist/build.js")]);
