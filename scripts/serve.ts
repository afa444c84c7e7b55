// npm run serve: serves the built report (dist/) on http://127.0.0.1:3000.
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/paths.ts";
import { serveStatic } from "../site/serve/static-server.ts";

const port = Number(process.env.PORT ?? 3000);
const { url } = await serveStatic(join(PROJECT_ROOT, "dist"), port);
console.log(`serving dist/ at ${url}/ (Ctrl-C to stop)`);
