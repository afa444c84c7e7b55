import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { cachePolicy, IMMUTABLE, notModified, pathSegments, REVALIDATE, serveStatic } from "../../../site/serve/static-server.ts";

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends bytes as they are (no client normalizes the URL) and reads the answer until the server closes. */
function raw(url: string, request: string): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf("\r\n\r\n");
      const head = all.subarray(0, split < 0 ? all.length : split).toString("latin1").split("\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? "")?.[1] ?? NaN);
      const headers = Object.fromEntries(head.slice(1).map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      resolve({ status, headers, body: split < 0 ? Buffer.alloc(0) : all.subarray(split + 4) });
    });
    socket.write(request);
  });
}

/** The body of a chunked response, its chunks joined. */
function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const eol = body.indexOf("\r\n", at);
    const size = parseInt(body.subarray(at, eol).toString("latin1"), 16);
    if (!(size > 0)) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

const get = (url: string, target: string, extra = "") => raw(url, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);

describe("serveStatic", () => {
  let folder: string;
  let root: string;
  let server: Server;
  let url: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), "static-server-"));
    root = join(folder, "site");
    await mkdir(join(root, "sub"), { recursive: true });
    await writeFile(join(folder, "secret.txt"), "outside the root\n");
    await writeFile(join(folder, "package.json"), "{\"outside\":true}\n");
    const files: Record<string, string> = {
      "index.html": "<p>home</p>\n",
      "page.html": "<p>page</p>\n",
      "sub/index.html": "<p>sub</p>\n",
      "app.js": "export const a = 1;\n",
      "style.css": "p { color: red }\n",
      "data.json": "{\"a\":1}\n",
      "table.csv": "a,b\n1,2\n",
      "table.parquet": "PAR1 not really PAR1",
      "engine.wasm": "\0asm\x01\0\0\0",
      "picture.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
      "query.sql": "SELECT 1;\n",
      "blob.bin": "\x01\x02",
      "_file/data/table.0123abcd.csv": "a\n1\n",
      "_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm": "\0asm\x01\0\0\0",
    };
    await mkdir(join(root, "_file", "data"), { recursive: true });
    await mkdir(join(root, "_node", "@duckdb", "duckdb-wasm@1.32.0", "dist"), { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
    await symlink(join(folder, "secret.txt"), join(root, "link.txt"));
    ({ server, url } = await serveStatic(root));
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  it("serves each kind of file with its content type, and clean URLs as Framework writes them", async () => {
    const expected: [string, string, string][] = [
      ["/", "text/html; charset=utf-8", "<p>home</p>\n"],
      ["/page", "text/html; charset=utf-8", "<p>page</p>\n"],
      ["/page.html", "text/html; charset=utf-8", "<p>page</p>\n"],
      ["/sub/", "text/html; charset=utf-8", "<p>sub</p>\n"],
      ["/app.js", "text/javascript; charset=utf-8", "export const a = 1;\n"],
      ["/style.css", "text/css; charset=utf-8", "p { color: red }\n"],
      ["/data.json", "application/json", "{\"a\":1}\n"],
      ["/table.csv", "text/csv; charset=utf-8", "a,b\n1,2\n"],
      ["/table.parquet", "application/vnd.apache.parquet", "PAR1 not really PAR1"],
      ["/engine.wasm", "application/wasm", "\0asm\x01\0\0\0"],
      ["/picture.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"],
      ["/query.sql", "text/plain; charset=utf-8", "SELECT 1;\n"],
      ["/blob.bin", "application/octet-stream", "\x01\x02"],
    ];
    for (const [path, type, body] of expected) {
      const response = await fetch(url + path, { headers: { "accept-encoding": "identity" } });
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get("content-type"), type, path);
      assert.equal(await response.text(), body, path);
    }
  });

  it("gzips text and the engine when the client accepts it, as a static host does, and never Parquet", async () => {
    const plainBodies: Record<string, string> = { "/app.js": "export const a = 1;\n", "/engine.wasm": "\0asm\x01\0\0\0", "/table.csv": "a,b\n1,2\n", "/table.parquet": "PAR1 not really PAR1" };
    for (const [path, compressed] of [["/app.js", true], ["/engine.wasm", true], ["/table.csv", true], ["/table.parquet", false]] as const) {
      const response = await get(url, path, "Accept-Encoding: gzip, deflate\r\n");
      assert.equal(response.status, 200, path);
      assert.equal(response.headers["content-encoding"], compressed ? "gzip" : undefined, path);
      const body = compressed ? gunzipSync(unchunk(response.body)) : response.body;
      assert.equal(body.toString("latin1"), plainBodies[path], path);
    }
    const plain = await get(url, "/app.js");
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.headers["content-length"], String("export const a = 1;\n".length));
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const response = await raw(url, "HEAD /engine.wasm HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assert.equal(response.status, 200);
    assert.equal(response.headers["content-type"], "application/wasm");
    assert.equal(response.headers["content-length"], "8");
    assert.equal(response.body.length, 0);
    assert.equal((await raw(url, "HEAD /missing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")).status, 404);
    const post = await raw(url, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assert.equal(post.status, 405);
    assert.equal(post.headers["allow"], "GET, HEAD");
  });

  it("serves a page whose query string is 64 kB, and a 64 kB SQL query percent-encoded", async () => {
    const long = `/page?sql=${"x".repeat(64 * 1024)}`;
    const response = await get(url, long);
    assert.equal(response.status, 200);
    assert.equal(response.body.toString(), "<p>page</p>\n");
    const sql = "SELECT 'é' AS \"a b\", ".repeat(Math.ceil((64 * 1024) / 20)).slice(0, 64 * 1024);
    const encoded = await fetch(`${url}/page?sql=${encodeURIComponent(sql)}`);
    assert.equal(encoded.status, 200);
    assert.equal(await encoded.text(), "<p>page</p>\n");
  });

  it("refuses malformed and escaping request targets with 400 or 404, never a file outside the root, and keeps serving", async () => {
    const targets = [
      "/%E0%A4%A",
      "/%",
      "/%zz",
      "/%00",
      "/page%00.html",
      "/%C0%AE%C0%AE/secret.txt",
      "/../secret.txt",
      "/sub/../../secret.txt",
      "/..%2fsecret.txt",
      "/..%2f..%2fetc/passwd",
      "/%2e%2e/secret.txt",
      "/%2E%2E%2Fpackage.json",
      "/a%2F..%2F..%2Fpackage.json",
      "/..\\secret.txt",
      "/%5c..%5csecret.txt",
      "/link.txt",
      "//etc/passwd",
      "/" + "a".repeat(5000),
      "/" + "a/".repeat(3000),
      "*",
      "secret.txt",
      "http://127.0.0.1/../secret.txt",
    ];
    for (const target of targets) {
      const response = await get(url, target);
      assert.ok(response.status === 400 || response.status === 404, `${target.slice(0, 60)}: ${response.status}`);
      assert.doesNotMatch(response.body.toString(), /outside/, target.slice(0, 60));
      const after = await fetch(`${url}/page`);
      assert.equal(after.status, 200, `still serving after ${target.slice(0, 60)}`);
      await after.text();
    }
    for (const target of ["/%E0%A4%A", "/%", "/%00", "/..%2f..%2fetc/passwd", "/a%2F..%2F..%2Fpackage.json"]) {
      assert.equal((await get(url, target)).status, 400, target);
    }
  });

  it("answers a wrong address 404 with the site's own 404 page when it has one, a line of text otherwise", async () => {
    assert.deepEqual([(await get(url, "/missing")).status, (await get(url, "/missing")).body.toString()], [404, "not found\n"]);
    await writeFile(join(root, "404.html"), "<h1>Page not found</h1>\n");
    try {
      const page = await get(url, "/thesis/missing");
      assert.equal(page.status, 404);
      assert.equal(page.headers["content-type"], "text/html; charset=utf-8");
      assert.equal(page.body.toString(), "<h1>Page not found</h1>\n");
      const head = await raw(url, "HEAD /missing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assert.deepEqual([head.status, head.headers["content-length"], head.body.length], [404, "24", 0]);
    } finally {
      await rm(join(root, "404.html"));
    }
  });

  it("answers requests Node cannot parse with 400 or 431, and keeps serving", async () => {
    const requests = [
      "GET /page HTTP/1.1\r\nHost: bad host\u0001name\r\nConnection: close\r\n\r\n",
      "GET /page HTTP/1.1\r\nConnection: close\r\n\r\n",
      "GET /pa ge HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
      "GARBAGE\r\n\r\n",
      "GET /page HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "y".repeat(2 << 20) + "\r\n\r\n",
      "GET /page HTTP/9.9\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    ];
    for (const request of requests) {
      const response = await raw(url, request).catch(() => ({ status: 0 }) as RawResponse);
      assert.ok([0, 400, 431, 505].includes(response.status), `${JSON.stringify(request.slice(0, 50))}: ${response.status}`);
      const after = await fetch(`${url}/page`);
      assert.equal(after.status, 200, `still serving after ${JSON.stringify(request.slice(0, 50))}`);
      await after.text();
    }
  });

  it("gives every file a strong tag from its bytes, and answers a request that holds it 304 with no body", async () => {
    const first = await get(url, "/app.js");
    const tag = first.headers["etag"]!;
    assert.match(tag, /^"[A-Za-z0-9_-]{32}"$/);
    assert.ok(first.headers["last-modified"]);
    const again = await get(url, "/app.js", `If-None-Match: ${tag}\r\n`);
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers["etag"], tag);
    assert.equal(again.headers["cache-control"], REVALIDATE);
    // A list, a weak form of the tag and "*" match; another tag does not.
    assert.equal((await get(url, "/app.js", `If-None-Match: "other", W/${tag}\r\n`)).status, 304);
    assert.equal((await get(url, "/app.js", "If-None-Match: *\r\n")).status, 304);
    const other = await get(url, "/app.js", 'If-None-Match: "other"\r\n');
    assert.equal(other.status, 200);
    assert.equal(other.body.toString(), "export const a = 1;\n");
    // The gzip bytes are another representation: their own tag, a Vary, and a 304 for it.
    const zipped = await get(url, "/app.js", "Accept-Encoding: gzip\r\n");
    assert.notEqual(zipped.headers["etag"], tag);
    assert.equal(zipped.headers["vary"], "accept-encoding");
    assert.equal((await get(url, "/app.js", `Accept-Encoding: gzip\r\nIf-None-Match: ${zipped.headers["etag"]}\r\n`)).status, 304);
    // If-Modified-Since counts only without If-None-Match.
    assert.equal((await get(url, "/app.js", `If-Modified-Since: ${first.headers["last-modified"]}\r\n`)).status, 304);
    assert.equal((await get(url, "/app.js", `If-Modified-Since: ${first.headers["last-modified"]}\r\nIf-None-Match: "other"\r\n`)).status, 200);
    assert.equal((await get(url, "/app.js", "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\n")).status, 200);
  });

  it("changes the tag when a build changes the file's bytes, and keeps it for the same bytes", async () => {
    const before = (await get(url, "/data.json")).headers["etag"];
    await writeFile(join(root, "data.json"), "{\"a\":2}\n");
    const changed = await get(url, "/data.json", `If-None-Match: ${before}\r\n`);
    assert.equal(changed.status, 200);
    assert.equal(changed.body.toString(), "{\"a\":2}\n");
    assert.notEqual(changed.headers["etag"], before);
    await writeFile(join(root, "data.json"), "{\"a\":1}\n");
    assert.equal((await get(url, "/data.json")).headers["etag"], before);
  });

  it("lets the browser keep files named after their content or version a year, and revalidate pages", async () => {
    assert.equal((await get(url, "/_file/data/table.0123abcd.csv")).headers["cache-control"], IMMUTABLE);
    assert.equal((await get(url, "/_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm")).headers["cache-control"], IMMUTABLE);
    for (const path of ["/", "/page", "/page.html", "/sub/", "/table.csv", "/engine.wasm"]) {
      assert.equal((await get(url, path)).headers["cache-control"], REVALIDATE, path);
    }
  });

  it("refuses a port already in use with its error, instead of crashing", async () => {
    const port = Number(new URL(url).port);
    await assert.rejects(serveStatic(root, port), { code: "EADDRINUSE" });
    assert.equal((await fetch(`${url}/page`)).status, 200);
  });

  it("keeps serving when the root is missing, and serves it once a build writes it", async () => {
    const later = join(folder, "later");
    const { server: other, url: otherUrl } = await serveStatic(later);
    try {
      assert.equal((await fetch(`${otherUrl}/`)).status, 404);
      await mkdir(later);
      await writeFile(join(later, "index.html"), "<p>built</p>\n");
      assert.equal(await (await fetch(`${otherUrl}/`)).text(), "<p>built</p>\n");
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

describe("cachePolicy", () => {
  it("keeps a year what Framework names by content hash or package version, and nothing else", () => {
    const immutable = [
      "/_file/data/csv/statistics.f6d86fdc.csv",
      "/_import/components/explorer.8d2c1a4b.js",
      "/_observablehq/client.b1e2d3f4.js",
      "/_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm",
      "/_node/arquero@8.0.3/src/table/index.1c2d3f4a.js",
      "/_npm/vega@6.4.0/+esm.js",
      "/_npm/@uwdata/flechette@2.6.0/index.js",
    ];
    const revalidated = ["/", "/survey", "/survey.html", "/numbers/", "/report.pdf", "/downloads/statistics.csv", "/_file/data/csv/statistics.csv", "/_node/arquero/index.js", "/_npm/@uwdata/flechette/index.js", "/page.abcdef12.html", "/a.ABCDEF12.js", "/a.abcdef1.js"];
    for (const path of immutable) assert.equal(cachePolicy(pathSegments(path)), IMMUTABLE, path);
    for (const path of revalidated) assert.equal(cachePolicy(pathSegments(path)), REVALIDATE, path);
  });
});

describe("notModified", () => {
  const modified = new Date("2026-01-02T03:04:05.678Z");
  it("matches If-None-Match by weak comparison, and If-Modified-Since to the second only without it", () => {
    assert.equal(notModified({}, '"a"', modified), false);
    assert.equal(notModified({ "if-none-match": '"a"' }, '"a"', modified), true);
    assert.equal(notModified({ "if-none-match": 'W/"a"' }, '"a"', modified), true);
    assert.equal(notModified({ "if-none-match": '"b" , "a"' }, '"a"', modified), true);
    assert.equal(notModified({ "if-none-match": '"b"' }, '"a"', modified), false);
    assert.equal(notModified({ "if-none-match": "*" }, '"a"', modified), true);
    assert.equal(notModified({ "if-modified-since": "Fri, 02 Jan 2026 03:04:05 GMT" }, '"a"', modified), true);
    assert.equal(notModified({ "if-modified-since": "Fri, 02 Jan 2026 03:04:04 GMT" }, '"a"', modified), false);
    assert.equal(notModified({ "if-modified-since": "yesterday" }, '"a"', modified), false);
    assert.equal(notModified({ "if-none-match": '"b"', "if-modified-since": "Fri, 02 Jan 2026 03:04:05 GMT" }, '"a"', modified), false);
  });
});

describe("pathSegments", () => {
  it("decodes a path into segments, leaving out the query and fragment", () => {
    assert.deepEqual(pathSegments("/survey?sql=%E0%A4%A#x"), ["survey"]);
    assert.deepEqual(pathSegments("/a%20b/c.csv"), ["a b", "c.csv"]);
    assert.deepEqual(pathSegments("/"), [""]);
  });

  it("refuses what cannot name a file under the root", () => {
    for (const target of ["/%E0%A4%A", "/%", "/%00", "/a/../b", "/%2e%2e/x", "/a%2F..%2Fb", "/.", "/a\\b", "*", "x"]) {
      assert.throws(() => pathSegments(target), Error, target);
    }
  });
});
