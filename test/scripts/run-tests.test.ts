import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";

describe("npm run test:unit / test:e2e (scripts/run-tests.ts)", () => {
  const here = mkdtempSync(join(tmpdir(), "run-tests-"));
  after(() => rmSync(here, { recursive: true, force: true }));

  it("gives the tests a scratch folder of the run's own, and removes it once they end, failed or not", () => {
    const record = join(here, "record.txt");
    // A test that leaves a file in the temporary folder, says where, and fails.
    writeFileSync(
      join(here, "leaves-a-file.test.ts"),
      `import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
it("leaves a file and fails", () => {
  const file = join(tmpdir(), "left.txt");
  writeFileSync(file, "x");
  writeFileSync(${JSON.stringify(record)}, file);
  throw new Error("fails on purpose");
});
`,
    );
    // Run as from a shell: the test runner marks its own subprocesses (NODE_TEST_CONTEXT), whose runs then report to it instead.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const result = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "run-tests.ts"), here], { cwd: PROJECT_ROOT, encoding: "utf8", env });
    assert.equal(result.status, 1, "the run fails as its test does");
    const left = readFileSync(record, "utf8");
    assert.match(basename(dirname(left)), /^report-tests-/);
    assert.equal(dirname(dirname(left)), tmpdir());
    assert.equal(existsSync(dirname(left)), false, "the scratch folder, and the file in it, are gone");
  });
});
