// data-dictionary.json: every published file and column, with its type and meaning.
import { defineLoader } from "../../site/loader/define-loader.ts";
import { OUTPUT_FILES } from "../../data-loaders/publish/dictionary.ts";

export default defineLoader(import.meta.url, async () => `${JSON.stringify(OUTPUT_FILES, null, 2)}\n`);
