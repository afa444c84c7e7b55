// The passages that the figure notes (site/charts/originals.ts) and the dated events
// (site/charts/events.ts) quote stand verbatim in the documents, starting on the lines given.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { readSeeds } from "../../../data-loaders/normalize/sources.ts";
import type { DocumentId } from "../../../data-loaders/normalize/statistic.ts";
import { findQuote, normalizeSource, type NamedSource } from "../../../data-loaders/audit/verify-quotes.ts";
import { EVENTS } from "../../../site/charts/events.ts";
import { ORIGINAL_FIGURES } from "../../../site/charts/originals.ts";

/** Each document's text, as raw/sources.tsv names it and its hash checks it. */
const SOURCES = Object.fromEntries(
  (await readSeeds(RAW_DIR)).map((s): [DocumentId, NamedSource[]] => [s.source.id, [{ name: s.source.id, source: normalizeSource(s.text) }]]),
) as Record<DocumentId, NamedSource[]>;

const lineOf = (document: DocumentId, quote: string, near: number) => findQuote(quote, SOURCES[document], near)?.line ?? null;

describe("the notes on the thesis's absent chart figures", () => {
  it("cover Figures #7 to #10", () => {
    assert.deepEqual(ORIGINAL_FIGURES.map((f) => f.number), [7, 8, 9, 10]);
  });

  for (const figure of ORIGINAL_FIGURES) {
    it(`quote the document verbatim, at the lines given, for Figure #${figure.number}`, () => {
      for (const passage of [...figure.caption, ...figure.passages]) {
        assert.equal(lineOf(passage.document, passage.quote, passage.line), passage.line, `“${passage.quote}” (${passage.document}, line ${passage.line})`);
      }
      assert.ok(figure.caption.some((p) => new RegExp(`Figure ?# ?${figure.number}\\b`).test(p.quote)), "the caption names the figure");
      assert.ok(figure.passages.some((p) => new RegExp(`Figure ?# ?${figure.number}\\b`, "i").test(p.quote)), "a passage refers to the figure");
    });
  }
});

describe("the dated events", () => {
  for (const event of EVENTS) {
    it(`quote the document verbatim and print the year drawn: ${event.label}`, () => {
      assert.equal(lineOf(event.document, event.quote, event.line), event.line, `“${event.quote}” (line ${event.line})`);
      assert.ok(event.quote.includes(String(event.year)), `the quote prints ${event.year}`);
    });
  }
});
