// What every page of the report has besides its content: its head's icon and scripts, and the
// footer's line. Framework would add them from its config, but parses each with a fresh JSDOM
// window several times per page (0.6 s of every build), so finalize-dist.ts adds them instead,
// to every page it finalizes, the number pages included.

/**
 * The head of every page, after its stylesheets. An empty icon stops the browser asking the
 * server for /favicon.ico.
 *
 * Printing opens every disclosure (print.css shows their content in Chromium without it) and
 * closes them after.
 *
 * The follow-target enhancement: a followed link to anything on a page (a number #stat-<id>,
 * an endnote, a figure or table, a glossary term, a bibliography entry, a finding, a line of
 * an annotated document, a heading) also focuses its target, which CSS (:target in style.css)
 * highlights, so that a keyboard or screen reader continues from there. An element that is not
 * focusable gets tabindex="-1" first; where a page draws the target after loading, it waits
 * for it; Framework's own anchors (the skip link's main) and a malformed fragment are left
 * alone. A click on a link to the fragment already in the address fires no hashchange: the
 * click listener follows it again. Inline, as the same few lines serve every page at every depth.
 */
export const PAGE_HEAD =
  '<link rel="icon" href="data:,">' +
  "<script>addEventListener(\"beforeprint\",()=>{for(const d of document.querySelectorAll(\"details:not([open])\")){d.open=true;d.dataset.printOpened=\"\"}});" +
  "addEventListener(\"afterprint\",()=>{for(const d of document.querySelectorAll(\"details[data-print-opened]\")){d.open=false;delete d.dataset.printOpened}});</script>" +
  '<script>{const follow=()=>{let id;try{id=decodeURIComponent(location.hash.slice(1))}catch{return}if(!id||id.startsWith("observablehq-"))return;const focus=(e)=>{if(!(e instanceof HTMLElement)||e.closest("svg"))return;if(!e.matches("a[href],button,input,select,textarea,[tabindex]"))e.setAttribute("tabindex","-1");e.focus()};const e=document.getElementById(id);if(e)return focus(e);const watch=new MutationObserver(()=>{const e=document.getElementById(id);if(e){watch.disconnect();focus(e)}});watch.observe(document,{childList:true,subtree:true});addEventListener("load",()=>setTimeout(()=>watch.disconnect(),5000),{once:true})};addEventListener("hashchange",follow);addEventListener("DOMContentLoaded",follow);addEventListener("click",(v)=>{const a=v.target instanceof Element&&v.target.closest("a[href*=\\"#\\"]");if(a&&a.hash&&a.hash===location.hash&&a.pathname===location.pathname&&!v.defaultPrevented)setTimeout(follow)})}</script>';

/** The footer's line, under the previous and next page. */
export const PAGE_FOOTER = "A reproducible report of two documents on industrial clusters. Every number links to its quote.";

/** Framework's module script, which the head comes before (Framework 1.13 renders every page with one). */
const MODULE_SCRIPT = "\n<script type=\"module\">";
/** The end of Framework's footer (its pager), or of the page's main when it has none. */
const FOOTER_END = /(<footer id="observablehq-footer">[\s\S]*?)(\n<\/footer>)/;
const MAIN_END = "</main>\n</div>\n</body>";

/**
 * `html` (a page as Framework renders it, its file `path`) with the report's head and footer,
 * where Framework puts them from its config. Fails if the page lacks the markup it expects, so
 * a Framework upgrade that changes it cannot slip through.
 */
export function addPageChrome(html: string, path: string): string {
  const headEnd = html.indexOf("</head>");
  const script = html.indexOf(MODULE_SCRIPT);
  if (script < 0 || script > headEnd) throw new Error(`invalid page: ${path} (no module script in <head> to put the head before)`);
  const headed = `${html.slice(0, script)}\n${PAGE_HEAD}${html.slice(script)}`;
  const footer = `\n<div>${PAGE_FOOTER}</div>`;
  if (FOOTER_END.test(headed)) return headed.replace(FOOTER_END, `$1${footer}$2`);
  if (!headed.includes(MAIN_END)) throw new Error(`invalid page: ${path} (no footer, and no end of <main> to put one after)`);
  return headed.replace(MAIN_END, `</main>\n<footer id="observablehq-footer">${footer}\n</footer>\n</div>\n</body>`);
}
