// data-dictionary.json: every published file and column, with its type and meaning.
import { OUTPUT_FILES } from "../../data-loaders/dictionary.ts";
import { emit } from "../../data-loaders/stdout.ts";

await emit(`${JSON.stringify(OUTPUT_FILES, null, 2)}\n`);
