import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { routeParam, routeParams } from "../../../site/loader/define-loader.ts";
import { createLoaderContext } from "../../../site/loader/loader-context.ts";
import { queryLedger } from "../../../site/loader/ledger-database.ts";
import { FIXTURE_RAW } from "../../data-loaders/fixture.ts";

describe("a loader context", () => {
  const context = createLoaderContext({ rawDir: FIXTURE_RAW });
  after(() => context.close());

  it("reads the ledger once", async () => {
    assert.equal(await context.ledger(), await context.ledger());
  });

  it("answers queries run at once, over views made on first use, as a one-off engine does", async () => {
    const sql = "SELECT id, value FROM statistics ORDER BY id";
    const counted = "SELECT count(*) AS n FROM statistics JOIN units ON statistics.unit = units.unit";
    const [first, second, third] = await Promise.all([context.query(sql), context.query(counted), context.query(sql)]);
    const alone = await queryLedger(await context.ledger(), sql);
    assert.ok(alone.length > 0);
    assert.deepEqual(first, alone);
    assert.deepEqual(third, alone);
    assert.deepEqual(second, await queryLedger(await context.ledger(), counted));
  });

  it("gives each caller rows of its own (a statement runs once per context), as a one-off engine gives them", async () => {
    const sql = "SELECT id, value FROM statistics ORDER BY id LIMIT 3";
    const first = await context.query(sql);
    (first[0] as Record<string, unknown>).id = "changed by its caller";
    const second = await context.query(sql);
    assert.notEqual(second[0]!.id, "changed by its caller", "one caller's change does not reach another");
    assert.deepEqual(second, await queryLedger(await context.ledger(), sql));
  });

  it("reports a query's error and goes on answering", async () => {
    await assert.rejects(context.query("SELECT nope FROM statistics"), /nope/);
    assert.ok(Number((await context.query("SELECT count(*) AS n FROM statistics"))[0]!.n) > 0);
  });
});

describe("route parameters", () => {
  it("are read from Framework's --name=value arguments", () => {
    assert.deepEqual(routeParams(["--key=thesis-table-6", "--name=units"]), { key: "thesis-table-6", name: "units" });
  });

  it("say how the loader is meant to run when one is missing", () => {
    assert.throws(() => routeParam({}, "key"), { message: "invalid key: missing --key=… (run this loader through Framework)" });
    assert.equal(routeParam({ key: "x" }, "key"), "x");
  });
});
