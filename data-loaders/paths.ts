import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root, found from this file so loaders work from any working directory. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const RAW_DIR = join(PROJECT_ROOT, "raw");
