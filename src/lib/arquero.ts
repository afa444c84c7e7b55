// Arquero for the browser. The package entry re-exports its file loaders, which import
// node:fs and node:stream, so a page importing "arquero" fails to load (shared/stack-notes.md).
// The table verbs, helpers and ops live in modules free of Node built-ins; the report imports
// those, at the version the lockfile pins.
export { from, table } from "arquero/src/table/index.js";
export { escape } from "arquero/src/helpers/escape.js";
export { desc } from "arquero/src/helpers/desc.js";
export { opApi as op } from "arquero/src/op/op-api.js";
