// Observable Framework configuration. Every default that reaches the network or stamps
// the build with the day it ran is turned off here; see shared/stack-notes.md.
import { readGlossary } from "./data-loaders/normalize/glossary.ts";
import { RAW_DIR } from "./data-loaders/paths.ts";
import { glossaryLinks } from "./site/view/glossary-links.ts";
import { searchEntries } from "./site/view/search-entries.ts";

// Every quote checked against its document, as the pipeline checks the numbers' quotes.
const glossary = await readGlossary(RAW_DIR);

export default {
  root: "src",
  output: "dist",
  title: "Industrial clusters: a reproducible report",
  pages: [
    { name: "Survey of the literature", path: "/survey" },
    {
      name: "Thesis",
      open: true,
      pages: [
        { name: "Theory: Figures #1–#6", path: "/thesis/theory" },
        { name: "Sinos Valley", path: "/thesis/sinos-valley" },
        { name: "Sialkot", path: "/thesis/sialkot" },
        { name: "Guadalajara", path: "/thesis/guadalajara" },
        { name: "Final discussion", path: "/thesis/final-discussion" },
      ],
    },
    {
      name: "Checking the report",
      open: true,
      pages: [
        { name: "Audit", path: "/audit" },
        { name: "Reproducibility", path: "/reproducibility" },
      ],
    },
    {
      name: "Data",
      open: true,
      pages: [
        { name: "Bibliography", path: "/bibliography" },
        { name: "Data dictionary and downloads", path: "/data" },
        { name: "Explore with SQL", path: "/explore" },
        { name: "Every number", path: "/numbers/" },
        { name: "The documents, annotated", path: "/sources/" },
        { name: "Glossary", path: "/glossary" },
      ],
    },
  ],
  // Framework's default footer prints the build date, which would change the bytes of every
  // page. No footer and no head here: Framework parses each with a fresh JSDOM window several
  // times per page (0.6 s of every build); the finalize step adds both to every page instead,
  // number pages included (site/html/page-chrome.ts).
  footer: null,
  head: null,
  // Framework's default header is "", which it still parses with a JSDOM window on every page
  // (0.25 s a build) to render nothing; null renders the same nothing without the parse.
  header: null,
  // The default links Google Fonts: a third-party request on every page. The system font stack serves.
  globalStylesheets: [],
  style: "style.css",
  // Framework's own search, built into the site at build time (MiniSearch, bundled from
  // node_modules: no network): every page, every number's page and every glossary term.
  search: { index: () => searchEntries(RAW_DIR, glossary) },
  // The first use of a glossary term on each page links to its entry (site/view/glossary-links.ts).
  markdownIt: (md: Parameters<typeof glossaryLinks>[0]) => (glossaryLinks(md, glossary), md),
  // Core extensions would be fetched from extensions.duckdb.org; the report loads its data without them.
  duckdb: { extensions: { json: null, parquet: null } },
};
