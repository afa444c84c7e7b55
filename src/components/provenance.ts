// The provenance cards are in the page's HTML (site/html/statistic.ts); this refines them.

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
