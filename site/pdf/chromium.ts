import { existsSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";

// Loaded on first use (a quarter of a second): the build's printer process (printer-process.ts)
// starts without it, and loads it when told to start Chromium.
const playwright = () => import("playwright-core");

/** Debian's Chromium (scripts/install-system.sh installs it), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The flags every Chromium of the project starts with: quiet on a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/**
 * Debian's Chromium, quiet on a closed network (see shared/stack-notes.md): the build prints
 * the PDF with it, and the browser tests, the screenshots and the benchmark drive it.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await playwright();
  return chromium.launch({ executablePath: installedChromium(), args: CHROMIUM_ARGS });
}

/**
 * The same Chromium with a profile on disk, as a reader's browser is: its HTTP cache keeps large
 * files (the 33 MB engine) across visits, which the in-memory cache of launchChromium's
 * contexts does not. For the tests and the benchmark of warm visits; `folder` is the profile.
 */
export async function launchChromiumProfile(folder: string, options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  const { chromium } = await playwright();
  return chromium.launchPersistentContext(folder, { executablePath: installedChromium(), args: CHROMIUM_ARGS, ...options });
}

function installedChromium(): string {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/install-system.sh (apt-get install chromium), or set CHROMIUM_PATH`);
  return CHROMIUM;
}
