// The recipe (data-loaders/index.ts): its steps in order give what each step gives alone, and a
// failing step writes nothing.
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { auditLedger } from "../../data-loaders/audit/audit-ledger.ts";
import { RawInputError } from "../../data-loaders/errors.ts";
import { runPipeline } from "../../data-loaders/index.ts";
import { readLedger } from "../../data-loaders/normalize/ledger.ts";
import { writeOutputs } from "../../data-loaders/publish/write-outputs.ts";
import { rawCopy, setField, STATS_FILE } from "./fixture.ts";

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [f.slice(dir.length + 1), await readFile(f)] as const)));
}

describe("runPipeline", () => {
  it("publishes the same bytes as the steps run one by one, with the audit's findings", async () => {
    const raw = await rawCopy();
    const [piped, stepped] = [await mkdtemp(join(tmpdir(), "piped-")), await mkdtemp(join(tmpdir(), "stepped-"))];
    const run = await runPipeline(raw, piped);
    const ledger = await readLedger(raw);
    await writeOutputs(ledger, stepped);
    assert.deepEqual(run.findings.checks, auditLedger(ledger));
    assert.equal(run.ledger.statistics.length, ledger.statistics.length);
    const [a, b] = [await filesOf(piped), await filesOf(stepped)];
    assert.deepEqual([...a.keys()].sort(), [...run.written].sort());
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
    for (const [name, bytes] of a) assert.ok(bytes.equals(b.get(name)!), `${name} differs`);
  });

  it("stops on bad input before writing anything", async () => {
    const raw = await rawCopy({ file: STATS_FILE, change: (t) => setField(t, "fx.palar.tanneries", "unit", "tanneries") });
    const out = join(await mkdtemp(join(tmpdir(), "bad-")), "out");
    await assert.rejects(runPipeline(raw, out), (error: unknown) => error instanceof RawInputError && /invalid unit: "tanneries"/.test(error.message));
    await assert.rejects(readdir(out), /ENOENT/);
  });
});
