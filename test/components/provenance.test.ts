// The provenance popup runs in the page and cannot read raw/sources.tsv, so it keeps short
// labels of the documents; they must name exactly the documents sources.tsv describes, by
// their recorded titles.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseSources } from "../../data-loaders/normalize/sources.ts";
import { RAW_DIR } from "../../data-loaders/paths.ts";
import { DOCUMENT_LABELS, fragmentId } from "../../src/components/provenance.ts";

describe("the popup's document labels", () => {
  it("name each document of raw/sources.tsv, by its role and the start of its recorded title", async () => {
    const sources = parseSources(await readFile(join(RAW_DIR, "sources.tsv"), "utf8"), "raw/sources.tsv");
    assert.deepEqual(Object.keys(DOCUMENT_LABELS).sort(), sources.map((s) => s.id).sort());
    for (const source of sources) {
      const label = DOCUMENT_LABELS[source.id]!;
      const role = `${source.id[0]!.toUpperCase()}${source.id.slice(1)}: `;
      assert.ok(label.startsWith(role), `${label} starts with ${role}`);
      const shortTitle = label.slice(role.length);
      assert.ok(shortTitle.length >= 20 && source.title.startsWith(shortTitle), `"${shortTitle}" begins the title "${source.title}"`);
    }
  });
});

describe("fragmentId", () => {
  it("decodes a fragment into the id it names", () => {
    assert.equal(fragmentId("#stat-12"), "stat-12");
    assert.equal(fragmentId("#stat-%C3%A9"), "stat-é");
    assert.equal(fragmentId(""), "");
  });

  it("gives a fragment that is not valid percent-encoding as written, without throwing", () => {
    for (const hash of ["#%E0%A4%A", "#stat-%", "#%zz", "#%C0%AE"]) assert.equal(fragmentId(hash), hash.slice(1));
  });
});
