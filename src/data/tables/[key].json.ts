// tables/<key>.json: one printed table laid out for a page, with every number's provenance.
import { defineLoader, routeParam } from "../../../data-loaders/define-loader.ts";
import { json } from "../../../data-loaders/stdout.ts";
import { tableView } from "../../../data-loaders/view.ts";

export default defineLoader(import.meta.url, async (params, context) => json(tableView(await context.ledger(), routeParam(params, "key"))));
