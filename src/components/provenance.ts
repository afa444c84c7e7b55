import type { Provenance as PublishedProvenance } from "../../site/view/provenance.ts";
import { FINDING_LEGEND as LEGEND } from "../portable/finding-legend.js";

/** What the popup shows for one number: the provenance the build publishes, findings optional. */
export type Provenance = Omit<PublishedProvenance, "findings"> & Partial<Pick<PublishedProvenance, "findings">>;

/**
 * The popup's short name of each document: its role, then its title up to a natural break.
 * raw/sources.tsv owns the titles, but this module runs in the page, and publishing the titles
 * into every provenance record would change every data file; test/components/provenance.test.ts
 * fails when these drift from the titles sources.tsv records.
 */
export const DOCUMENT_LABELS: Readonly<Record<string, string>> = {
  survey: "Survey: Industrial Clusters in Developing Countries",
  thesis: "Thesis: BAs, Clusters, and Economic Liberalization",
};

/** The id of the statistic an element stands for: a table cell's button, or a chart mark's link. */
export function statisticIdOf(element: Element | null): string | null {
  const target = element?.closest("[data-stat], a");
  if (!target) return null;
  const data = target.getAttribute("data-stat");
  if (data) return data;
  const href = target.getAttribute("href") ?? target.getAttribute("xlink:href") ?? "";
  return href.startsWith("#stat-") ? href.slice("#stat-".length) : null;
}

function popupContent(p: Provenance): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const head = document.createElement("div");
  head.innerHTML = "<strong></strong> <span></span>";
  head.querySelector("strong")!.textContent = p.printed;
  head.querySelector("span")!.textContent = `— ${p.subject}, ${p.measure.replaceAll("_", " ")}${p.period ? ` (${p.period})` : ""}`;
  const quote = document.createElement("blockquote");
  quote.textContent = `“${p.quote}”`;
  const facts = document.createElement("dl");
  const rows: [string, string | null][] = [
    ["Document", DOCUMENT_LABELS[p.document] ?? p.document],
    ["Where", `${p.locator}${p.page !== null ? `, p. ${p.page}` : ""} (text line ${p.line})`],
    ["Cites", p.cited_source ?? "no study cited"],
    ["Read as", p.reading],
    ["Note", p.note],
    ["Id", p.id],
  ];
  for (const [term, value] of rows) {
    if (value === null) continue;
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value;
    facts.append(dt, dd);
  }
  fragment.append(head, quote, facts);
  for (const finding of p.findings ?? []) {
    const flag = document.createElement("p");
    flag.className = "provenance-finding";
    flag.dataset.finding = finding.class;
    const label = document.createElement("strong");
    label.textContent = finding.role === "input" ? `${LEGEND.input.label} (${LEGEND[finding.class].label.toLowerCase()}):` : `${LEGEND[finding.class].label}:`;
    flag.append(label, ` ${finding.sentence}`);
    fragment.append(flag);
  }
  return fragment;
}

let popup: HTMLDivElement | undefined;

function sharedPopup(): HTMLDivElement {
  if (popup?.isConnected) return popup;
  popup = document.createElement("div");
  popup.className = "provenance-popup";
  popup.id = "provenance-popup";
  popup.setAttribute("role", "tooltip");
  popup.hidden = true;
  document.body.append(popup);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && popup) popup.hidden = true;
  });
  return popup;
}

function show(target: Element, record: Provenance): void {
  const box = sharedPopup();
  box.replaceChildren(popupContent(record));
  box.dataset.stat = record.id;
  box.hidden = false;
  const rect = target.getBoundingClientRect();
  const left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8);
  box.style.left = `${Math.max(window.scrollX + 4, left)}px`;
  box.style.top = `${window.scrollY + rect.bottom + 6}px`;
  target.setAttribute("aria-describedby", box.id);
}

function hide(target: Element | null): void {
  if (popup) popup.hidden = true;
  target?.removeAttribute("aria-describedby");
}

/**
 * Makes every number inside `root` show its provenance (document, locator, cited study,
 * verbatim quote) on hover and on keyboard focus. Returns root.
 */
export function withProvenance<T extends Element>(root: T, records: Readonly<Record<string, Provenance>>): T {
  const open = (event: Event) => {
    const id = statisticIdOf(event.target as Element);
    const record = id ? records[id] : undefined;
    const target = (event.target as Element).closest("[data-stat], a");
    if (record && target) show(target, record);
  };
  const close = (event: Event) => hide((event.target as Element).closest("[data-stat], a"));
  root.addEventListener("mouseover", open);
  root.addEventListener("focusin", open);
  root.addEventListener("mouseout", close);
  root.addEventListener("focusout", close);
  // Chart marks are links so that the keyboard reaches them; following one would only jump.
  root.addEventListener("click", (event) => {
    if (statisticIdOf(event.target as Element)) {
      event.preventDefault();
      open(event);
    }
  });
  return root;
}

/**
 * The element id a URL fragment names ("#stat-12" → "stat-12"), percent-decoded. A reader can
 * type or paste any fragment: one that is not valid percent-encoding ("#%E0%A4%A") names the id
 * as written, which no element has, instead of throwing.
 */
export function fragmentId(hash: string): string {
  const raw = hash.replace(/^#/, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Pages draw their tables and charts after load, so the browser cannot scroll to a
 * #stat-<id> link's target by itself; once `root` is on the page, this does, if the target is in it.
 */
export function revealTarget(root: Element): void {
  const id = fragmentId(location.hash);
  if (!id) return;
  const target = document.getElementById(id);
  if (target && root.contains(target)) {
    target.scrollIntoView({ block: "center" });
    (target as HTMLElement | SVGElement).focus?.({ preventScroll: true });
  }
}

/** The popover card the build renders for a statistic (site/html/statistic.ts names it alike). */
const cardOf = (id: string) => document.getElementById(`source-${id}`);

/**
 * Places an open card next to the number it explains: below it, or above when the window has
 * no room below, and always inside the window (a phone's too). Without this script the card
 * opens in the middle of the window, which is also on screen.
 */
export function placeCard(card: HTMLElement, target: Element): void {
  const margin = 8;
  const box = target.getBoundingClientRect();
  const width = Math.min(card.offsetWidth, window.innerWidth - 2 * margin);
  const height = card.offsetHeight;
  const below = box.bottom + 6;
  const top = below + height <= window.innerHeight - margin || box.top - 6 - height < margin ? below : box.top - 6 - height;
  const left = Math.min(Math.max(margin, box.left), window.innerWidth - margin - width);
  Object.assign(card.style, { position: "fixed", inset: "auto", margin: "0", left: `${left}px`, top: `${Math.max(margin, Math.min(top, window.innerHeight - margin - height))}px` });
}

/**
 * Refines the provenance cards of the static page: hovering or focusing a number opens its
 * card beside it (the card stays open while the pointer is on it, so its quote can be selected
 * and copied), and leaving both closes it. The number stays a link to its own page, and its
 * button still opens the card on touch and without scripts.
 */
export function enhanceProvenance(root: ParentNode = document): void {
  let closing: ReturnType<typeof setTimeout> | undefined;
  let open: { card: HTMLElement; target: Element } | null = null;
  const numberOf = (event: Event) => (event.target as Element | null)?.closest?.("a.stat[data-stat], svg a[data-stat]") ?? null;
  const show = (target: Element) => {
    const card = cardOf(target.getAttribute("data-stat") ?? "");
    if (!card) return;
    clearTimeout(closing);
    if (open && open.card !== card && open.card.matches(":popover-open")) open.card.hidePopover();
    if (!card.matches(":popover-open")) card.showPopover();
    placeCard(card, target);
    open = { card, target };
  };
  const later = () => {
    clearTimeout(closing);
    closing = setTimeout(() => {
      if (open && !open.card.matches(":hover") && !open.card.contains(document.activeElement) && open.card.matches(":popover-open")) open.card.hidePopover();
    }, 250);
  };
  root.addEventListener("mouseover", (event) => {
    const target = numberOf(event);
    if (target) show(target);
    else if (open && (event.target as Element).closest?.(".provenance-card") === open.card) clearTimeout(closing);
  });
  root.addEventListener("focusin", (event) => {
    const target = numberOf(event);
    if (target) show(target);
  });
  root.addEventListener("mouseout", (event) => {
    if (numberOf(event) || (event.target as Element).closest?.(".provenance-card")) later();
  });
  root.addEventListener("focusout", (event) => {
    if (numberOf(event)) later();
  });
  // A card opened by its button (touch, keyboard) opens beside the number, too.
  root.addEventListener("click", (event) => {
    const button = (event.target as Element).closest?.("button.stat-source");
    const card = button ? document.getElementById(button.getAttribute("popovertarget") ?? "") : null;
    if (button && card) requestAnimationFrame(() => card.matches(":popover-open") && placeCard(card, button));
  });
}
