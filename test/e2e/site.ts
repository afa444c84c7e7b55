import type { Server } from "node:http";
import { join } from "node:path";
import { after, before } from "node:test";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { builtPages as pagesIn } from "../../site/build/built-pages.ts";
import { serveStatic } from "../../site/serve/static-server.ts";
import { launchChromium } from "./browser.ts";

export const DIST = join(PROJECT_ROOT, "dist");

/** The paths of the pages in dist/, as a reader requests them (`/`, `/survey`, …), 404 left out. */
export const builtPages = () => pagesIn(DIST);

/**
 * Serves dist/ on 127.0.0.1 and starts Chromium for the tests of the enclosing suite; both
 * stop after it. Read `site.origin` and `site.browser` inside the tests.
 */
export function useSite(): { origin: string; browser: Browser } {
  const site = {} as { origin: string; browser: Browser; server: Server };
  before(async () => {
    const { server, url } = await serveStatic(DIST);
    Object.assign(site, { server, origin: url, browser: await launchChromium() });
  });
  after(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}
