// Types for the Node-free Arquero modules that src/lib/arquero.ts imports: the package's own.
declare module "arquero/src/table/index.js" {
  export { from, table } from "arquero";
}
declare module "arquero/src/helpers/escape.js" {
  export { escape } from "arquero";
}
declare module "arquero/src/helpers/desc.js" {
  export { desc } from "arquero";
}
declare module "arquero/src/op/op-api.js" {
  export { op as opApi } from "arquero";
}
