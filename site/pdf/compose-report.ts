// The one document the PDF is printed from, put together inside Chromium from the built pages'
// static HTML (the pages are complete without scripts: none of theirs runs here). Each page's
// content becomes a part; its ids get the part's prefix so that none collides, and its links
// to other pages of the report become links inside the document. Tables and figures get report
// numbers, and a contents page lists the parts, their sections, the tables and the figures.

/** One page of the report in reading order. */
export interface ReportPart {
  /** As a reader requests it: `/`, `/survey`, `/thesis/sialkot`. */
  path: string;
  /** Its name in the sidebar (the overview: the report's title). */
  name: string;
  /** False for a page with nothing to print (Explore): the PDF gives a note in its place. */
  printed: boolean;
}

/** What the composition needs besides the pages. */
export interface ComposeOptions {
  parts: ReportPart[];
  title: string;
  /** The two documents the report reproduces, for the title page. */
  documents: string[];
}

/** What the composition found, for the build's log and the checks. */
export interface ComposeSummary {
  parts: number;
  tables: number;
  figures: number;
  endnotes: number;
}

/** The id prefix of a part: `overview`, `survey`, `thesis-sialkot`; also the name of its @page. */
export function partPrefix(path: string): string {
  return path === "/" ? "overview" : path.slice(1).replace(/\/$/, "").replace(/[^A-Za-z0-9-]+/g, "-");
}

/**
 * The page's side, run with `page.evaluate` in an empty document of the site's origin, given
 * each part's file (for messages) and its HTML (`pages`). A string, not a function: tsx adds
 * helpers to functions that the page does not have.
 *
 * The document stays hidden (display: none) while it is put together, and then at any width
 * of PRINT_WINDOW_WIDTH or more, the window's: a document that is shown is laid out at
 * every frame it takes to build and at the window's size, and for this one (160 printed pages)
 * each layout takes a third of a second that the print then does again at the page's size.
 */
/** The width of the window the PDF is composed in: wider than any page it prints to. */
export const PRINT_WINDOW_WIDTH = 1280;

export const COMPOSE_IN_PAGE = String.raw`async ({ parts, title, documents, prefixes, files, pages }) => {
  document.documentElement.style.display = "none";
  const origin = location.origin;
  const pageKey = (path) => {
    path = path.replace(/\.html$/, "").replace(/\/index$/, "/");
    return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  };
  const byPath = new Map(parts.map((p, i) => [pageKey(p.path), { prefix: prefixes[i], printed: p.printed }]));
  const IDREFS = ["for", "headers", "popovertarget", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-details", "list", "form"];
  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
  let stylesheets = null;
  const sections = [];
  const elsewhere = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const prefix = prefixes[i];
    const base = new URL(part.path, origin);
    const file = new URL("/" + files[i], origin);
    const doc = new DOMParser().parseFromString(pages[i], "text/html");
    stylesheets ??= [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.getAttribute("href"), base).pathname);
    const main = doc.querySelector("#observablehq-main");
    if (!main) throw new Error(file.pathname + ": no #observablehq-main");
    const section = el("section", { class: "pdf-part", id: prefix, "data-address": part.path });
    section.style.page = prefix;
    if (part.printed) {
      section.append(...main.childNodes);
    } else {
      const h1 = main.querySelector("h1");
      section.append(h1 ?? el("h1", {}, part.name));
      section.append(el("p", { class: "pdf-note" },
        part.path === "/explore"
          ? "This page is interactive and has nothing to print: on the website (" + part.path + ") it queries the report's published data with SQL in the browser. The data it queries is described in the part on the data dictionary."
          : "On the website (" + part.path + ") every number has a page of its own. In this PDF, the same provenance is in the endnotes of the part where the number stands."));
    }
    // Nothing of a script runs here; what only scripts or the screen use goes.
    for (const e of section.querySelectorAll("script, template, [popover]")) e.remove();
    for (const d of section.querySelectorAll("details")) d.open = true;
    const rename = (id) => prefix + "--" + id;
    for (const e of section.querySelectorAll("[id]")) e.id = rename(e.id);
    for (const e of section.querySelectorAll("*")) {
      for (const name of IDREFS) {
        const v = e.getAttribute(name);
        if (v) e.setAttribute(name, v.trim().split(/\s+/).map(rename).join(" "));
      }
      for (const attr of [...e.attributes]) {
        if (attr.value.includes("url(#")) e.setAttribute(attr.name, attr.value.replace(/url\(#([^)]+)\)/g, (_, id) => "url(#" + rename(id) + ")"));
      }
      for (const name of ["src", "srcset", "poster", "data"]) {
        const v = e.getAttribute(name);
        if (v && name !== "srcset") e.setAttribute(name, new URL(v, base).href);
      }
    }
    for (const a of section.querySelectorAll("a")) {
      const attr = a.hasAttribute("href") ? "href" : a.hasAttribute("xlink:href") ? "xlink:href" : null;
      if (attr === null) continue;
      const href = a.getAttribute(attr);
      const url = new URL(href, base);
      if (url.origin !== origin) continue;
      const target = byPath.get(pageKey(url.pathname));
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (target !== undefined) {
        a.setAttribute(attr, "#" + (fragment && target.printed ? target.prefix + "--" + fragment : target.prefix));
        continue;
      }
      elsewhere.push({ a, attr, url, section, prefix });
    }
    sections.push(section);
  }

  // Links to what the PDF does not hold. A number's own page (numbers/<id>): from the number in
  // running text or a table, its endnote (the note mark that follows it in its block); from a
  // chart's mark, the number's first occurrence (stat-<id>), in the same part if it is there.
  // Anything else (a download) keeps its text and loses the link.
  const firstOccurrence = new Map();
  for (const s of sections) {
    for (const e of s.querySelectorAll('[id*="--stat-"]')) {
      const id = e.id.slice(e.id.indexOf("--stat-") + 7);
      const key = s.id + " " + id;
      if (!firstOccurrence.has(key)) firstOccurrence.set(key, e.id);
      if (!firstOccurrence.has(id)) firstOccurrence.set(id, e.id);
    }
  }
  const noteAfter = (a) => {
    const block = a.closest("p, li, td, th, dd, dt, figcaption, caption, h1, h2, h3, h4, blockquote") ?? a.parentElement;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_ELEMENT);
    walker.currentNode = a;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (a.contains(n)) continue;
      if (n.matches("sup.note-ref")) return n.querySelector("a[href]");
      if (n.matches(".stat")) return null;
    }
    return null;
  };
  for (const { a, attr, url, section } of elsewhere) {
    const stat = /\/numbers\/([^/]+?)(?:\.html)?$/.exec(url.pathname);
    const note = stat && !a.closest("svg") ? noteAfter(a) : null;
    const anchor = stat ? firstOccurrence.get(section.id + " " + decodeURIComponent(stat[1])) ?? firstOccurrence.get(decodeURIComponent(stat[1])) : undefined;
    if (note) a.setAttribute(attr, note.getAttribute("href"));
    else if (anchor && anchor !== a.id) a.setAttribute(attr, "#" + anchor);
    else a.removeAttribute(attr);
  }

  // Report numbers for tables and figures, in reading order.
  const body = document.body;
  body.className = "report-pdf";
  for (const s of sections) body.append(s);
  const tables = [];
  const figures = [];
  const label = (kind, n) => el("span", { class: "pdf-number" }, kind + " " + n + ". ");
  const anchorOf = (e, fallback) => {
    if (!e.id) e.id = fallback;
    return e.id;
  };
  for (const candidate of body.querySelectorAll("figure, table")) {
    if (candidate.matches("table") && candidate.closest("figure")) continue;
    const caption = candidate.matches("table") ? candidate.querySelector(":scope > caption") : candidate.querySelector(":scope > figcaption") ?? candidate.querySelector(":scope table > caption");
    if (!caption) continue;
    const isTable = candidate.matches("table") || candidate.querySelector("table") !== null && candidate.querySelector("svg") === null;
    const list = isTable ? tables : figures;
    const n = list.length + 1;
    const id = anchorOf(candidate, "pdf-" + (isTable ? "table" : "figure") + "-" + n);
    const text = caption.textContent.trim().replace(/\s+/g, " ");
    caption.prepend(label(isTable ? "Table" : "Figure", n));
    list.push({ id, text });
  }

  // The title page and contents.
  const link = (href, text) => el("a", { href: "#" + href }, text);
  const contents = el("ol", { class: "pdf-contents-parts" });
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    const h1 = s.querySelector("h1");
    const name = h1 ? h1.textContent.trim().replace(/\s+/g, " ") : parts[i].name;
    const sub = el("ol");
    for (const h2 of s.querySelectorAll("h2[id]")) {
      if (h2.closest(".endnotes")) continue;
      sub.append(el("li", {}, link(h2.id, h2.textContent.trim().replace(/\s+/g, " "))));
    }
    contents.append(el("li", {}, link(s.id, name), ...(sub.children.length ? [sub] : [])));
  }
  const listOf = (heading, items) => items.length === 0 ? [] : [el("h2", {}, heading), el("ol", { class: "pdf-contents-list" }, ...items.map((t) => el("li", {}, link(t.id, t.text))))];
  const front = el("section", { class: "pdf-front", id: "contents" },
    el("h1", {}, title),
    el("p", { class: "pdf-documents" }, "Reproduces, number by number, with each number's provenance in the endnotes of its part: " + documents.join("; ") + "."),
    el("p", { class: "pdf-edition" }, "The PDF edition of the report's web pages. Every table and figure below is numbered in the order it appears; each number in a table or a sentence carries a note mark whose endnote gives the document's own words, where they stand, and the study the document cites."),
    el("h2", {}, "Contents"), contents, ...listOf("Tables", tables), ...listOf("Figures", figures));
  body.prepend(front);

  // The running header and footer of each part: the report's title, the part's name, its address.
  const quote = (s) => '"' + s.replace(/["\\\n]/g, (c) => (c === "\n" ? " " : "\\" + c)) + '"';
  const box = "font: 8pt system-ui, sans-serif; color: #555;";
  const pageRules = sections.map((s, i) => "@page " + s.id + " { @top-right { content: " + quote(parts[i].path === "/" ? "Overview" : parts[i].name) + "; " + box + " } @bottom-left { content: " + quote(parts[i].path) + "; " + box + " } }").join("\n");
  document.head.append(...stylesheets.map((href) => el("link", { rel: "stylesheet", href })), el("style", {}, pageRules));
  document.title = title;
  await Promise.all([...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.sheet ? null : new Promise((resolve, reject) => { l.onload = resolve; l.onerror = () => reject(new Error("stylesheet " + l.href)); })));
  // Shown at the page's width only. Printing lays the document out at the window's width first
  // (${PRINT_WINDOW_WIDTH} px), then at the page's (A4: 673 px of content): hidden at the first,
  // it costs nothing (0.4 s of this document otherwise).
  document.head.append(el("style", {}, "html { display: none !important; } @media (max-width: ${PRINT_WINDOW_WIDTH - 1}px) { html { display: block !important; } }"));
  document.documentElement.style.removeProperty("display");
  // Fonts a stylesheet brings (the report's use the system's) load now; waiting for
  // document.fonts.ready instead would lay the document out at the window's size.
  await Promise.all([...document.fonts].map((f) => f.load()));
  return { parts: sections.length, tables: tables.length, figures: figures.length, endnotes: body.querySelectorAll(".endnotes li").length };
}`;
