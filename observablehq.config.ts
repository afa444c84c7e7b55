// Observable Framework configuration. Every default that reaches the network or stamps
// the build with the day it ran is turned off here; see shared/stack-notes.md.
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
      name: "Audit",
      open: true,
      pages: [
        { name: "Findings", path: "/audit" },
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
  search: false,
  // Core extensions would be fetched from extensions.duckdb.org; the report loads its data without them.
  duckdb: { extensions: { json: null, parquet: null } },
};
