// Observable Framework configuration. Every default that reaches the network or stamps
// the build with the day it ran is turned off here; see shared/stack-notes.md.
export default {
  root: "src",
  output: "dist",
  title: "Industrial clusters: a reproducible report",
  pages: [
    { name: "Survey of the literature", path: "/survey" },
  ],
  // The default footer prints the build date, which would change the bytes of every page.
  footer: "A reproducible report of two documents on industrial clusters. Every number links to its quote.",
  // The default links Google Fonts: a third-party request on every page. The system font stack serves.
  globalStylesheets: [],
  style: "style.css",
  // An empty icon stops the browser asking the server for /favicon.ico.
  head: '<link rel="icon" href="data:,">',
  search: false,
  // Core extensions would be fetched from extensions.duckdb.org; the report loads its data without them.
  duckdb: { extensions: { json: null, parquet: null } },
};
