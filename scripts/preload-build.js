// `npm run build` loads this with `node --import` before tsx: the build's largest dependency,
// Framework, plain JavaScript, loads here without passing through tsx's module hooks, which
// would otherwise see each of its hundreds of modules (a quarter of a second of every build).
// Nothing else: the build imports it first anyway, and tsx then loads the project's
// TypeScript. (playwright-core loads later, when the build has time for it: site/pdf/chromium.ts.)
// Framework passes through one hook of the project's, registered first: it lets the build keep
// some of Framework's results from one build to the next (site/build/framework-memo/).
import "../site/build/framework-memo/register.js";

await Promise.all([import("@observablehq/framework/dist/config.js"), import("@observablehq/framework/dist/build.js")]);
