// tables/<key>.json: one printed table laid out for a page, with every number's provenance.
import { defineLoader, routeParam } from "../../../site/loader/define-loader.ts";
import { json } from "../../../site/loader/stdout.ts";
import { tableView } from "../../../site/view/table-view.ts";

export default defineLoader(import.meta.url, async (params, context) => json(tableView(await context.ledger(), routeParam(params, "key"))));
