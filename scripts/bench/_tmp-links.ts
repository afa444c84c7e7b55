import { launchChromium } from "../../test/e2e/browser.ts";
import { serveStatic } from "../../site/serve/static-server.ts";
import { builtPages } from "../../site/build/built-pages.ts";
const { server, url } = await serveStatic("/work/wt/reader/dist");
const browser = await launchChromium();
const pages = (await builtPages("/work/wt/reader/dist")).filter((p) => !p.startsWith("/numbers/") || p === "/numbers/" || p === "/numbers/survey.agra.firms-1991-92");
for (const path of pages) {
  const page = await browser.newPage();
  await page.goto(url + path, { waitUntil: "networkidle" });
  const found = await page.evaluate(() => {
    const out: string[] = [];
    const linkColor = getComputedStyle(document.querySelector("main a[href]") ?? document.body).color;
    for (const a of document.querySelectorAll("a")) {
      const h = a.getAttribute("href");
      if (h === null && !a.id) out.push(`a without href: ${a.outerHTML.slice(0, 120)}`);
      else if (h === "#" || h?.startsWith("javascript:")) out.push(`dead href: ${a.outerHTML.slice(0, 120)}`);
      else if (h?.startsWith("#") && h.length > 1) {
        let id = h.slice(1); try { id = decodeURIComponent(id); } catch {}
        if (!document.getElementById(id)) out.push(`in-page link to nothing: ${h}`);
      }
    }
    for (const b of document.querySelectorAll("button, [role=button], summary")) {
      const s = getComputedStyle(b);
      const looksLink = s.textDecorationLine.includes("underline") || (s.color === linkColor && s.backgroundColor === "rgba(0, 0, 0, 0)" && s.borderStyle === "none");
      if (looksLink) out.push(`button looks like a link: ${(b as HTMLElement).className} «${(b.textContent ?? "").trim().slice(0, 40)}»`);
    }
    return out;
  });
  const counts = new Map<string, number>();
  for (const f of found) { const k = f.replace(/«.*»|#.*$/, ""); counts.set(k, (counts.get(k) ?? 0) + 1); }
  console.log(path, found.length, [...new Set(found)].slice(0, 6));
  await page.close();
}
await browser.close(); server.close();
