// explore/definitions.json: the views and macros the report's queries share
// (src/sql/shared/definitions.sql), one CREATE statement each, in the order they are created:
// the Explore page creates them in the reader's browser, as build-time DuckDB does.
import { defineLoader } from "../../../site/loader/define-loader.ts";
import { readSharedDefinitions } from "../../../site/loader/shared-sql.ts";
import { json } from "../../../site/loader/stdout.ts";

export default defineLoader(import.meta.url, async () => json(await readSharedDefinitions()));
