import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/paths.ts";

/** The report's SQL queries (src/sql/), run at build time and offered in Explore. */
export const SQL_DIR = join(PROJECT_ROOT, "src", "sql");
