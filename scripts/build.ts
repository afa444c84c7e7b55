// npm run build: the report in dist/ (site/build/build.ts). One line on failure, naming the
// step, the file and the reason; the previous dist/ stays as it was.
import { buildReport, BuildError } from "../site/build/build.ts";

try {
  const { pages } = await buildReport();
  console.log(`finalized ${pages} pages`);
} catch (error) {
  console.error(error instanceof BuildError ? `error: ${error.message}` : error);
  process.exitCode = 1;
}
