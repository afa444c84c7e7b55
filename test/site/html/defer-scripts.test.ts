import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deferScripts } from "../../../site/html/defer-scripts.ts";

describe("deferScripts", () => {
  it("drops module preloads and makes a module script's imports dynamic, after the first paint", () => {
    const html = `<link rel="modulepreload" href="./_observablehq/client.js">\n<script type="module">\n\nimport {define} from "./_observablehq/client.js";\nimport {registerFile as r} from "./_observablehq/stdlib.js";\nimport "./x.js";\n\ndefine({id: "a"});\n</script>`;
    const out = deferScripts(html);
    assert.doesNotMatch(out, /modulepreload/);
    assert.match(out, /^<script type="module">\nawait new Promise\(\(r\) => \{ requestAnimationFrame/);
    assert.match(out, /const \{define\} = await import\("\.\/_observablehq\/client\.js"\);/);
    assert.match(out, /const \{registerFile: r\} = await import\("\.\/_observablehq\/stdlib\.js"\);/);
    assert.match(out, /await import\("\.\/x\.js"\);\n\ndefine\(\{id: "a"\}\);\n<\/script>$/);
  });

  it("refuses a module script whose imports it cannot read", () => {
    assert.throws(() => deferScripts(`<script type="module">\nimport * as d3 from "d3";\n</script>`), /invalid page/);
  });
});
