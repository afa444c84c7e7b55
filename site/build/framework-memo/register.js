// Registers expose-bindings.js: Framework's modules loaded after this carry the bindings that
// framework-memo.ts replaces. scripts/preload-build.js imports it before it loads Framework.
import { register } from "node:module";

register("./expose-bindings.js", import.meta.url);
