// npx tsx scripts/screenshot.ts PATH OUT.png [WIDTH] [light|dark] [SELECTOR] [--no-js] [--print] [--viewport]:
// a look at a built page, for people. --no-js disables scripts; --print emulates print media;
// --viewport takes the first screen (900 px tall) instead of the whole page.
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/paths.ts";
import { launchChromium } from "../test/e2e/browser.ts";
import { serveStatic } from "../site/serve/static-server.ts";

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const [path = "/", out = "/tmp/page.png", width = "1200", scheme, selector] = args.filter((a) => !a.startsWith("--"));
const { server, url } = await serveStatic(join(PROJECT_ROOT, "dist"));
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    viewport: { width: Number(width), height: 900 },
    colorScheme: scheme === "dark" ? "dark" : "light",
    javaScriptEnabled: !flags.has("--no-js"),
  });
  const page = await context.newPage();
  page.on("console", (m) => console.log(`console.${m.type()}: ${m.text()}`));
  if (flags.has("--print")) await page.emulateMedia({ media: "print" });
  await page.goto(url + path, { waitUntil: "networkidle" });
  if (selector) await page.locator(selector).first().screenshot({ path: out });
  else await page.screenshot({ path: out, fullPage: !flags.has("--viewport") });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
