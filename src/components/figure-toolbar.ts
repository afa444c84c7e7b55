// Enhances the toolbar every figure carries in the page's HTML (site/html/figure-toolbar.ts):
// the Chart / Table / Sources disclosures become tabs, "Link" copies the figure's address, the
// PNG is drawn from the SVG file at twice its size (or the screen's density, if more), and a
// followed link to a figure focuses it. Imports nothing: no chart library, no DuckDB; it is the
// only script a page with charts and no other control loads (scripts/bench/toolbars.ts).

const VIEWS = [
  { view: "chart", label: "Chart" },
  { view: "table", label: "Table" },
  { view: "sources", label: "Sources" },
] as const;

/** The file of a figure's SVG for a variant: the first variant's is `<id>.svg`, another's `<id>-<variant>.svg`. */
export function variantFile(href: string, variants: readonly string[], variant: string | undefined): string {
  const others = variants.slice(1).map((v) => v.replace(/[^a-z0-9-]/g, ""));
  const base = others.length ? href.replace(new RegExp(`-(?:${others.join("|")})\\.svg$`), ".svg") : href;
  return variant && others.includes(variant) ? base.replace(/\.svg$/, `-${variant}.svg`) : base;
}

/** The address that reopens a figure: this page's, without its fragment, and the figure's id. */
export function shareAddress(location: Pick<Location, "href" | "hash">, id: string): string {
  return `${location.href.slice(0, location.href.length - location.hash.length).replace(/#$/, "")}#${encodeURIComponent(id)}`;
}

/** The pixel scale of a PNG: at least twice the drawing's size, more on a denser screen. */
export const pngScale = (devicePixelRatio: number) => Math.max(2, Math.ceil(devicePixelRatio || 1));

function status(figure: HTMLElement, text: string): void {
  const out = figure.querySelector<HTMLElement>(".figure-status");
  if (!out) return;
  out.textContent = text;
  // The confirmation stays long enough to read, then the control stands alone again.
  setTimeout(() => {
    if (out.textContent === text) out.textContent = "";
  }, 4000);
}

/** The SVG link's file for the variant the figure shows now. */
function svgHref(figure: HTMLElement, link: HTMLAnchorElement): string {
  const variants = (link.dataset.variants ?? "").split(" ").filter(Boolean);
  const shown = figure.querySelector<HTMLElement>(".chart-variant:not([hidden])")?.dataset.variant;
  return variantFile(link.getAttribute("href")!, variants, shown);
}

async function downloadPng(figure: HTMLElement, link: HTMLAnchorElement): Promise<void> {
  const href = svgHref(figure, link);
  const svg = await (await fetch(href)).text();
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = pngScale(window.devicePixelRatio);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext("2d")!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("no PNG"))), "image/png"));
    const save = document.createElement("a");
    save.href = URL.createObjectURL(png);
    save.download = href.replace(/^.*\//, "").replace(/\.svg$/, ".png");
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(save.href), 10_000);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Turns a chart's views (disclosures in the HTML) into a tab list at the head of its toolbar. */
function tabs(figure: HTMLElement, toolbar: HTMLElement): void {
  const id = figure.id;
  // What shows or hides (the drawing, the disclosures) and what is the tab panel (the drawing, a disclosure's body: <details> takes no role).
  const containers = VIEWS.map(({ view }) => document.getElementById(`${id}-${view}`));
  const panels = VIEWS.map(({ view }) => document.getElementById(view === "chart" ? `${id}-chart` : `${id}-${view}-panel`));
  if (containers.some((p) => !p) || panels.some((p) => !p)) return;
  figure.classList.add("figure-tabbed");
  const list = document.createElement("div");
  list.className = "figure-tabs";
  list.setAttribute("role", "tablist");
  list.setAttribute("aria-label", "View");
  const buttons = VIEWS.map(({ view, label }, i) => {
    const button = document.createElement("button");
    button.type = "button";
    button.id = `${id}-tab-${view}`;
    button.textContent = label;
    button.setAttribute("role", "tab");
    button.setAttribute("aria-controls", panels[i]!.id);
    panels[i]!.setAttribute("role", "tabpanel");
    panels[i]!.setAttribute("aria-labelledby", button.id);
    if (containers[i] instanceof HTMLDetailsElement) containers[i].open = true;
    return button;
  });
  const select = (index: number, focus: boolean) => {
    buttons.forEach((b, i) => {
      b.setAttribute("aria-selected", String(i === index));
      b.tabIndex = i === index ? 0 : -1;
      containers[i]!.hidden = i !== index;
    });
    figure.dataset.view = VIEWS[index]!.view;
    if (focus) buttons[index]!.focus();
  };
  buttons.forEach((b, i) => b.addEventListener("click", () => select(i, false)));
  list.addEventListener("keydown", (event) => {
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (at < 0 || to === undefined) return;
    event.preventDefault();
    select((to + buttons.length) % buttons.length, true);
  });
  list.append(...buttons);
  toolbar.prepend(list);
  select(0, false);
}

/** Focuses the figure a followed link names (CSS :target highlights it), so the keyboard starts there. */
function followFigure(): void {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  const target = id ? document.getElementById(id) : null;
  if (!target?.matches("figure.chart, figure.diagram")) return;
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus({ preventScroll: true });
}

/** Enhances every figure toolbar under `root` (once each) and follows links to figures. */
export function enhanceFigureToolbars(root: ParentNode = document): void {
  for (const toolbar of root.querySelectorAll<HTMLElement>(".figure-toolbar:not([data-enhanced])")) {
    toolbar.dataset.enhanced = "";
    const figure = toolbar.closest("figure")!;
    tabs(figure, toolbar);
    const share = toolbar.querySelector<HTMLAnchorElement>("a.figure-share");
    share?.addEventListener("click", (event) => {
      const address = shareAddress(location, figure.id);
      if (!navigator.clipboard) return; // The link is followed: the address bar holds the address.
      event.preventDefault();
      navigator.clipboard.writeText(address).then(
        () => status(figure, "Link copied"),
        () => {
          location.hash = figure.id;
          status(figure, "Copy the address bar's link");
        },
      );
    });
    const svg = toolbar.querySelector<HTMLAnchorElement>('a[data-format="svg"]');
    if (svg?.dataset.variants) svg.addEventListener("click", () => svg.setAttribute("href", svgHref(figure, svg)));
    const png = toolbar.querySelector<HTMLButtonElement>('button[data-format="png"]');
    if (png && svg) {
      png.hidden = false;
      png.addEventListener("click", () => {
        png.disabled = true;
        downloadPng(figure, svg).then(
          () => status(figure, "PNG saved"),
          () => status(figure, "The PNG could not be drawn; the SVG download works"),
        ).finally(() => (png.disabled = false));
      });
    }
  }
  followFigure();
  if (!following) addEventListener("hashchange", followFigure);
  following = true;
}

let following = false;
