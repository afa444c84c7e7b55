// npm run serve: serves the built report (dist/) on http://127.0.0.1:3000.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/paths.ts";
import { serveStatic } from "../site/serve/static-server.ts";

const port = Number(process.env.PORT ?? 3000);
const root = join(PROJECT_ROOT, "dist");
try {
  const { url } = await serveStatic(root, port);
  console.log(`serving dist/ at ${url}/ (Ctrl-C to stop)`);
  if (!existsSync(root)) console.log("dist/ does not exist yet: every page answers 404 until `npm run build` writes it");
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === "EADDRINUSE" ? `port ${port} is in use: set PORT to another` : `cannot serve dist/: ${(error as Error).message}`);
  process.exitCode = 1;
}
