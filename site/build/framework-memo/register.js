// Registers expose-bindings.js: Framework's modules loaded after this carry the bindings that
// framework-memo.ts replaces. `npm run build` imports it before Framework loads.
import { register } from "node:module";

register("./expose-bindings.js", import.meta.url);
