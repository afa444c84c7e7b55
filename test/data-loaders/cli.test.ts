// The command line's errors: one line naming file, line, field and value; the stack only with DEBUG=1.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { oneLineError, RawInputError } from "../../data-loaders/errors.ts";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";
import { rawCopy, setField, STATS_FILE } from "./fixture.ts";

/** Runs `npm run data` (its script, without npm's own banner) with `--raw raw`, from the project root. */
function runData(raw: string, out: string, env: NodeJS.ProcessEnv = {}) {
  const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  const base = { ...process.env };
  delete base.DEBUG;
  return spawnSync(tsx, ["data-loaders/cli.ts", "data", "--out", out, "--raw", raw], { cwd: PROJECT_ROOT, encoding: "utf8", env: { ...base, ...env } });
}

const STACK = /^\s+at /m;

/** A number mistyped as the author would: in `printed` and in `quote` alike. */
const typo = (text: string) => setField(setField(text, "fx.palar.tanneries", "printed", "at least 6O0"), "fx.palar.tanneries", "quote", "are at least 6O0 tanneries in five clusters");

describe("npm run data: one-line errors", () => {
  it("prints a raw-input error as one line, `error: file:line: invalid field: \"value\" (reason)`, and exits 1", async () => {
    const raw = await rawCopy({ file: STATS_FILE, change: typo });
    const run = runData(raw, join(raw, "..", "out"));
    assert.equal(run.status, 1);
    const lines = run.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /^error: raw\/survey\/statistics\/text\.tsv:3: invalid printed: "at least 6O0" \(.*invalid number.*\)$/);
  });

  it("adds the stack only with DEBUG=1", async () => {
    const raw = await rawCopy({ file: STATS_FILE, change: typo });
    const run = runData(raw, join(raw, "..", "out"), { DEBUG: "1" });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^error: raw\/survey\/statistics\/text\.tsv:3: invalid printed/);
    assert.match(run.stderr, STACK);
  });

  it("prints any other error as one line too, without a stack", async () => {
    const raw = await rawCopy();
    const file = join(raw, "..", "a-file");
    await writeFile(file, "not a folder");
    const run = runData(raw, join(file, "out"));
    assert.equal(run.status, 1);
    const lines = run.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /^error: \S/);
    assert.doesNotMatch(run.stderr, STACK);
  });
});

describe("oneLineError", () => {
  it("folds a message's line breaks, and adds the stack only when DEBUG is set to something other than 0", () => {
    const error = new Error("first\n  second");
    assert.equal(oneLineError(error, {}), "first second");
    assert.equal(oneLineError(error, { DEBUG: "0" }), "first second");
    assert.match(oneLineError(error, { DEBUG: "1" }), /^first second\nError: first\n {2}second\n\s+at /);
    assert.equal(oneLineError(new RawInputError("raw/x.tsv", 4, "line", "0", "expected a whole line number from 1"), {}), 'raw/x.tsv:4: invalid line: "0" (expected a whole line number from 1)');
    assert.equal(oneLineError("a string", {}), "a string");
  });
});
