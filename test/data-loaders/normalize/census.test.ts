import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { CENSUS_STATUSES, numberTokens } from "../../../data-loaders/normalize/census.ts";
import { readLedger, type Ledger } from "../../../data-loaders/normalize/ledger.ts";
import { readSeeds } from "../../../data-loaders/normalize/sources.ts";
import { RAW_DIR } from "../../../data-loaders/paths.ts";
import { rawCopy, realRawCopy } from "../fixture.ts";

describe("the census of the documents' numbers, on the real raw layer", () => {
  let ledger: Ledger;
  let seeds: Awaited<ReturnType<typeof readSeeds>>;
  before(async () => {
    ledger = await readLedger(RAW_DIR);
    seeds = await readSeeds(RAW_DIR);
  });

  it("has a row for every line of either document that prints a digit", () => {
    for (const seed of seeds) {
      const counted = new Set(ledger.census.filter((r) => r.document === seed.source.id).map((r) => r.line));
      const lines = seed.text.split("\n");
      const missing = lines.map((text, i) => ({ line: i + 1, text })).filter(({ line, text }) => /\d/.test(text) && !counted.has(line));
      assert.deepEqual(missing, [], `${seed.source.id}: lines with a digit and no census row`);
    }
  });

  it("gives every statistic of the ledger a `statistic` row on its quote's lines", () => {
    const held = new Map(ledger.census.filter((r) => r.status === "statistic").map((r) => [r.statistic_id, r]));
    for (const s of ledger.statistics) {
      const row = held.get(s.id);
      assert.ok(row, `${s.id} (${s.printed}, line ${s.line}) has no statistic row`);
      assert.equal(row.document, s.document);
      // The number stands under its quote: on the quote's first line or a few after (a wrapped quote).
      assert.ok(row.line >= s.line && row.line <= s.line + 6, `${s.id}: census line ${row.line}, quote line ${s.line}`);
    }
  });

  it("places every row where its number stands: the line's text at its column starts with it (a printed rating may wrap)", () => {
    for (const r of ledger.census) {
      const line = seeds.find((s) => s.source.id === r.document)!.text.split("\n")[r.line - 1]!;
      const first = r.token.split(/\s+/)[0]!;
      assert.equal(line.slice(r.column - 1, r.column - 1 + first.length).toLowerCase(), first.toLowerCase(), `${r.document}:${r.line}:${r.column} ${r.token}`);
    }
  });

  it("says why of every row, with a known status, and names what decided it", () => {
    for (const r of ledger.census) {
      assert.ok((CENSUS_STATUSES as readonly string[]).includes(r.status), r.status);
      assert.ok(r.reason.length > 0);
      assert.match(r.decided_by, /^(?:ledger|rule:[a-z-]+|raw\/(?:survey|thesis)\/census\.tsv:\d+)$/);
      assert.equal(r.statistic_id !== null, r.status === "statistic" || r.status === "statistic_period", `${r.document}:${r.line} ${r.token}`);
    }
  });

  it("reads the tokens as printed: a year's note marker apart, scale words with their digits, number words", () => {
    assert.deepEqual(numberTokens("in 1995-96.5 Brazil exported 172.4 million pairs, two-thirds of them; the 1990s").map((t) => t.text), ["1995-96", "5", "172.4", "two-thirds", "1990s"]);
  });
});

describe("the census stops a run", () => {
  it("when a number appears that neither the ledger nor a dismissal accounts for", async () => {
    const raw = await rawCopy({ file: "survey/census.tsv", change: (text) => text.replace(/^10\tfive\t.*\n/m, "") });
    await assert.rejects(readLedger(raw), (error: Error) => {
      assert.match(error.message, /^raw\/survey\/census\.tsv:1: invalid census: "10\\tfive" \(seeds\/survey\.txt prints "five" on line 10, which no statistic holds and no rule or decision dismisses/);
      return true;
    });
  });

  it("when a statistic leaves the ledger and its number is left unaccounted for", async () => {
    const raw = await realRawCopy();
    const file = join(raw, "survey", "statistics", "survey.tsv");
    const text = await readFile(file, "utf8");
    const row = text.split("\n").find((l) => l.startsWith("survey.agra.firms-1991-92\t"));
    assert.ok(row, "the row this test removes");
    await writeFile(file, text.replace(`${row}\n`, ""));
    await assert.rejects(readLedger(raw), /raw\/survey\/census\.tsv:1: invalid census: .*which no statistic holds/);
  });

  it("when a decision names a number the line does not print, or one already accounted for", async () => {
    const absent = await rawCopy({ file: "survey/census.tsv", change: (text) => `${text}11\tseven\tconceptual_count\tno such word\n` });
    await assert.rejects(readLedger(absent), /^Error: raw\/survey\/census\.tsv:4: invalid token: "seven" \(line 11 of the seed prints no such number\)|raw\/survey\/census\.tsv:4: invalid token: "seven" \(line 11 of the seed prints no such number\)/);
    const held = await rawCopy({ file: "survey/census.tsv", change: (text) => `${text}9\t125\tconceptual_count\theld by the ledger\n` });
    await assert.rejects(readLedger(held), /raw\/survey\/census\.tsv:4: invalid token: "125" \(already accounted for on line 9 \(ledger: statistic\); remove the decision\)/);
  });

  it("when a decision has no reason or an unknown status", async () => {
    const noReason = await rawCopy({ file: "survey/census.tsv", change: (text) => text.replace(/\tconceptual_count\t.*$/m, "\tconceptual_count\t ") });
    await assert.rejects(readLedger(noReason), /raw\/survey\/census\.tsv:3: invalid reason: "" \(every decision says why\)/);
    const status = await rawCopy({ file: "survey/census.tsv", change: (text) => text.replace("\tconceptual_count\t", "\tstatistic\t") });
    await assert.rejects(readLedger(status), /raw\/survey\/census\.tsv:3: invalid status: "statistic" \(expected one of /);
  });
});
