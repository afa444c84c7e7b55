// `npm run build` loads this with `node --import` before tsx: the build's largest dependencies,
// plain JavaScript, load here without passing through tsx's module hooks, which would otherwise
// see each of their hundreds of modules (a quarter of a second of every build). Nothing else:
// they are what the build imports first anyway, and tsx then loads the project's TypeScript.
await Promise.all([
  import("@observablehq/framework/dist/config.js"),
  import("@observablehq/framework/dist/build.js"),
  import("playwright-core"),
]);
