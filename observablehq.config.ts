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
  // The default footer prints the build date, which would change the bytes of every page.
  footer: "A reproducible report of two documents on industrial clusters. Every number links to its quote.",
  // The default links Google Fonts: a third-party request on every page. The system font stack serves.
  globalStylesheets: [],
  style: "style.css",
  // An empty icon stops the browser asking the server for /favicon.ico.
  // Printing opens every disclosure (print.css shows their content in Chromium without it) and closes them after.
  // The follow-target enhancement: a link to a number's anchor (#stat-<id>) also focuses the
  // number, which CSS (:target in style.css) highlights; where a page draws the number after
  // loading, it waits for it; a malformed fragment is left alone. Inline, as the same few lines serve every page at every depth.
  head:
    '<link rel="icon" href="data:,">' +
    "<script>addEventListener(\"beforeprint\",()=>{for(const d of document.querySelectorAll(\"details:not([open])\")){d.open=true;d.dataset.printOpened=\"\"}});" +
    "addEventListener(\"afterprint\",()=>{for(const d of document.querySelectorAll(\"details[data-print-opened]\")){d.open=false;delete d.dataset.printOpened}});</script>" +
    '<script>{const follow=()=>{let id;try{id=decodeURIComponent(location.hash.slice(1))}catch{return}if(!id.startsWith("stat-"))return;const focus=(e)=>{if(!e.matches("a[href],button,input,select,textarea,[tabindex]"))e.setAttribute("tabindex","-1");e.focus()};const e=document.getElementById(id);if(e)return focus(e);const watch=new MutationObserver(()=>{const e=document.getElementById(id);if(e){watch.disconnect();focus(e)}});watch.observe(document,{childList:true,subtree:true});addEventListener("load",()=>setTimeout(()=>watch.disconnect(),5000),{once:true})};addEventListener("hashchange",follow);addEventListener("DOMContentLoaded",follow)}</script>',
  // Framework's own search, built into the site at build time (MiniSearch, bundled from
  // node_modules: no network): every page, every number's page and every glossary term.
  search: { index: () => searchEntries(RAW_DIR, glossary) },
  // The first use of a glossary term on each page links to its entry (site/view/glossary-links.ts).
  markdownIt: (md: Parameters<typeof glossaryLinks>[0]) => (glossaryLinks(md, glossary), md),
  // Core extensions would be fetched from extensions.duckdb.org; the report loads its data without them.
  duckdb: { extensions: { json: null, parquet: null } },
};
