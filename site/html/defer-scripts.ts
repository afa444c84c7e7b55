// A page's scripts start after its first paint, so the bytes a reader waits for before the first
// chart are the page and its stylesheet only (issue 12: ≤ 60 kB before the first chart; the
// Framework client, runtime and standard library that Framework preloads in <head> were about
// 17 kB gzip of the 66–71 kB measured on the overview and Sinos Valley pages). The pages are
// complete without scripts; scripts only enhance them, so starting them one frame later costs a
// reader nothing they could see.

/** Framework's preload of a module (client, runtime, stdlib, the page's components). */
const MODULE_PRELOAD = /<link rel="modulepreload" href="[^"]*">\n?/g;
/** A module script as Framework writes it: static imports first, then the page's cells. */
const MODULE_SCRIPT = /<script type="module">([\s\S]*?)<\/script>/g;
const STATIC_IMPORT = /^import\s+(?:(\{[^}]*\})\s+from\s+)?("[^"]+");?$/gm;

/** Resolves after the next frame is painted (or after 250 ms, where no frame comes: a hidden tab). */
const AFTER_PAINT = "await new Promise((r) => { requestAnimationFrame(() => setTimeout(r)); setTimeout(r, 250); });";

/**
 * The page with Framework's module preloads removed and each module script's static imports made
 * dynamic, after the first paint. Fails on a module script it cannot read, so a Framework upgrade
 * that writes them otherwise cannot slip through.
 */
export function deferScripts(html: string): string {
  return html.replace(MODULE_PRELOAD, "").replace(MODULE_SCRIPT, (_whole, body: string) => {
    const imports = body.replace(STATIC_IMPORT, (_line, names: string | undefined, from: string) => (names ? `const ${names.replace(/\s+as\s+/g, ": ")} = await import(${from});` : `await import(${from});`));
    if (/^\s*import\s/m.test(imports)) throw new Error(`invalid page: a module script with an import deferScripts cannot read: ${body.slice(0, 120)}`);
    return `<script type="module">\n${AFTER_PAINT}\n${imports.trim()}\n</script>`;
  });
}
