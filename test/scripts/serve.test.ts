import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../data-loaders/paths.ts";

/** The status of a GET with the target sent as it is. */
function status(url: string, target: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target, method: "GET" }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("npm run serve", () => {
  it("answers a malformed URL 400 and goes on serving", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "serve.ts")], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let out = "";
      child.stdout.setEncoding("utf8");
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: string) => {
          out += chunk;
          const match = /serving dist\/ at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      for (const target of ["/%E0%A4%A", "/%", "/..%2f..%2fpackage.json"]) assert.equal(await status(url, target), 400, target);
      const after = await status(url, "/");
      assert.ok(after === 200 || after === 404, `still serving: ${after}`);
      assert.equal(child.exitCode, null, "still running");
    } finally {
      child.kill();
      if (child.exitCode === null) await once(child, "exit");
    }
  });
});
