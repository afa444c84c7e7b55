// A static server for dist/, hand-written on purpose: sirv 3 serves only precompressed .gz
// siblings and answers a malformed URL as not found; send 1 / serve-static 2 do not compress at
// all. The tests and the benchmark count the gzip bytes a static host would send, and
// precompressed copies would add files to dist/, so neither fits.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream";
import { createGzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".sql": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".csv", ".sql", ".txt", ".wasm"]);

/**
 * Long enough for a shared `?sql=` link: 64 kB of SQL, percent-encoded (up to three bytes a
 * character), with room to spare. Node's default (16 kB) answers such links 431.
 */
export const MAX_HEADER_BYTES = 1 << 20;

/** Why a request is refused before any file is looked up: 400 Bad Request. */
class BadRequest extends Error {}

/**
 * The path of a request target as segments, decoded; refuses what cannot name a file under the
 * root: a target that is not a path, malformed percent-encoding, NUL, backslashes, and `.` or `..`
 * segments (whether typed or encoded, as `%2e%2e` or `..%2f`).
 */
export function pathSegments(target: string): string[] {
  const path = target.replace(/[?#].*$/s, "");
  if (!path.startsWith("/")) throw new BadRequest("not a path");
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw new BadRequest("malformed percent-encoding");
  }
  if (/[\0\\]/.test(decoded)) throw new BadRequest("NUL or backslash in the path");
  const segments = decoded.split("/").slice(1);
  if (segments.some((s) => s === "." || s === "..")) throw new BadRequest("dot segment in the path");
  return segments;
}

/** A year: what static hosts send for files whose name changes whenever their bytes do. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Pages and plain-named files: the browser may keep them, but asks (a 304 costs a few headers) before each use. */
export const REVALIDATE = "no-cache";

/**
 * How long a browser may use its copy of a path without asking. Framework names every file it
 * copies or bundles after its content (`statistics.f6d86fdc.csv`, `explorer.8d2c1a4b.js`) and
 * puts packages under their version (`_node/@duckdb/duckdb-wasm@1.32.0/…`, `_npm/…@1.2.3/…`):
 * a new build that changes their bytes changes their URL, so they are kept a year without
 * asking. Pages and files with plain names (`report.pdf`, a download's `statistics.csv`) keep
 * their URL across builds, so they are revalidated on each use.
 */
export function cachePolicy(segments: readonly string[]): string {
  const name = segments.at(-1) ?? "";
  if (name === "" || name.endsWith(".html") || !name.includes(".")) return REVALIDATE;
  if (/\.[0-9a-f]{8}\.[A-Za-z0-9]+$/.test(name)) return IMMUTABLE;
  const [top, scope, pkg] = segments;
  if (top === "_node" || top === "_npm") {
    const versioned = /^[^@]+@\d[^/]*$/;
    if (scope?.startsWith("@") ? versioned.test(pkg ?? "") : versioned.test(scope ?? "")) return IMMUTABLE;
  }
  return REVALIDATE;
}

/** Entity tags already computed, by file, size and modification time: hashing the 33 MB engine once is enough. */
const TAGS = new Map<string, string>();

/** A strong entity tag from the file's sha256: two builds that give the same bytes give the same tag. */
async function contentTag(file: string, size: number, mtimeMs: number): Promise<string> {
  const key = `${file}\0${size}\0${mtimeMs}`;
  const known = TAGS.get(key);
  if (known) return known;
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const tag = hash.digest("base64url").slice(0, 32);
  if (TAGS.size > 10_000) TAGS.clear();
  TAGS.set(key, tag);
  return tag;
}

/**
 * The tag of one representation: the gzip-compressed bytes are other bytes than the file's, so
 * they get their own strong tag (RFC 9110 §8.8.3), stable because the same input compresses to
 * the same output.
 */
export const entityTag = (hash: string, gzip: boolean) => `"${hash}${gzip ? "-gz" : ""}"`;

/**
 * Whether a conditional GET may be answered 304 Not Modified (RFC 9110 §13.1.2–3, §13.2.2):
 * If-None-Match, when sent, decides alone (weak comparison, `*` matches any); otherwise
 * If-Modified-Since, compared in whole seconds.
 */
export function notModified(headers: { "if-none-match"?: string; "if-modified-since"?: string }, etag: string, modified: Date): boolean {
  const match = headers["if-none-match"];
  if (match !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
    return match.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
  }
  const since = headers["if-modified-since"];
  if (since === undefined) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && Math.floor(modified.getTime() / 1000) <= Math.floor(time / 1000);
}

/** Maps a request to a file under root the way a static host serves Framework's clean URLs. */
async function resolveFile(root: string, target: string): Promise<{ file: string; size: number; mtimeMs: number; segments: string[] } | null> {
  const segments = pathSegments(target);
  const path = join(root, ...segments);
  // Looked up on each request: a build replaces the folder while the server runs.
  const base = await realpath(root).catch(() => null);
  if (!base) return null;
  for (const candidate of [path, `${path}.html`, join(path, "index.html")]) {
    const info = await stat(candidate).catch(() => null);
    if (!info?.isFile()) continue;
    // A symbolic link inside the root must not lead out of it.
    const real = await realpath(candidate).catch(() => null);
    return real?.startsWith(base + sep) ? { file: real, size: info.size, mtimeMs: info.mtimeMs, segments } : null;
  }
  return null;
}

function answer(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

/** A wrong address gets the site's own 404 page, as static hosts serve it, or a line of text. */
async function notFound(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const page = await readFile(join(root, "404.html")).catch(() => null);
  if (!page) return answer(response, 404, "not found\n");
  response.writeHead(404, { "content-type": TYPES[".html"]!, "content-length": String(page.length), "cache-control": REVALIDATE });
  response.end(request.method === "HEAD" ? undefined : page);
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") return answer(response, 405, "method not allowed\n", { allow: "GET, HEAD" });
  const found = await resolveFile(root, request.url ?? "/");
  if (!found) return notFound(root, request, response);
  const { file, size, mtimeMs, segments } = found;
  const ext = extname(file);
  const compressible = COMPRESSIBLE.has(ext);
  const gzip = compressible && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  const etag = entityTag(await contentTag(file, size, mtimeMs), gzip);
  const modified = new Date(Math.floor(mtimeMs / 1000) * 1000);
  // A file's URL path, not the clean URL asked for, decides: /survey is survey.html, a page.
  const policy = file.endsWith(".html") ? REVALIDATE : cachePolicy(segments);
  const validators: Record<string, string> = { "cache-control": policy, etag, "last-modified": modified.toUTCString() };
  if (compressible) validators.vary = "accept-encoding";
  if (notModified(request.headers, etag, modified)) {
    response.writeHead(304, validators);
    return void response.end();
  }
  const headers: Record<string, string> = { "content-type": TYPES[ext] ?? "application/octet-stream", ...validators };
  if (gzip) headers["content-encoding"] = "gzip";
  else headers["content-length"] = String(size);
  response.writeHead(200, headers);
  if (request.method === "HEAD") return void response.end();
  const stream = createReadStream(file);
  // A reader who goes away mid-file, or a file removed meanwhile, ends this response only.
  const done = (error: Error | null) => {
    if (error) response.destroy();
  };
  if (gzip) pipeline(stream, createGzip(), response, done);
  else pipeline(stream, response, done);
}

/**
 * Serves a folder on 127.0.0.1, gzip-compressing text the way a static host does, so byte
 * counts in tests and benchmarks match what a reader downloads. A bad request is answered 400
 * and never stops the server. Resolves once listening.
 */
export async function serveStatic(folder: string, port = 0): Promise<{ server: Server; url: string }> {
  const root = resolve(folder);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => {
    handle(root, request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else if (error instanceof BadRequest) answer(response, 400, `bad request: ${error.message}\n`);
      else answer(response, 500, "internal error\n");
    });
  });
  // Requests Node cannot parse (bad bytes, headers too large): answered, the connection closed.
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });
  // A port already taken rejects here, instead of an 'error' event nobody listens to.
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", fail);
      done();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${bound}` };
}
