// Types for the Node-free Arquero modules that src/lib/arquero.ts imports: the package's own.
declare module "arquero/src/table/index.js" {
  export { from } from "arquero";
}
