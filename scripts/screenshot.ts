// npx tsx scripts/screenshot.ts PATH OUT.png [WIDTH] [light|dark] [SELECTOR]: a look at a built page, for people.
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/paths.ts";
import { launchChromium } from "../test/e2e/browser.ts";
import { serveStatic } from "../site/serve/static-server.ts";

const [path = "/", out = "/tmp/page.png", width = "1200", scheme, selector] = process.argv.slice(2);
const { server, url } = await serveStatic(join(PROJECT_ROOT, "dist"));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme === "dark" ? "dark" : "light" });
  page.on("console", (m) => console.log(`console.${m.type()}: ${m.text()}`));
  await page.goto(url + path, { waitUntil: "networkidle" });
  if (selector) await page.locator(selector).first().screenshot({ path: out });
  else await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
