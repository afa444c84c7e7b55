// Arquero for the browser. The package entry re-exports its file loaders, which import
// node:fs and node:stream, so a page importing "arquero" fails to load (shared/stack-notes.md).
// The table verbs live in modules free of Node built-ins; the report imports those, at the
// version the lockfile pins.
export { from } from "arquero/src/table/index.js";
