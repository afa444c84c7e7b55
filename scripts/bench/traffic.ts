// The static server of the tests (site/serve/static-server.ts, gzip like a static host), with
// every byte it writes counted and timestamped on the server side. A page's CDP session does
// not see the requests of its workers (DuckDB-WASM fetches its engine from one); the server
// sees them all.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { serveStatic } from "../../site/serve/static-server.ts";

/** Milliseconds since the Unix epoch, with sub-millisecond resolution (as performance.timeOrigin in a page). */
const epochNow = (): number => performance.timeOrigin + performance.now();

interface Write {
  at: number;
  bytes: number;
}

export interface CountingServer {
  url: string;
  /** Forgets what was counted so far: call before each page. */
  reset(): void;
  /** Bytes written (response headers and gzip-compressed bodies) since reset, up to an epoch time. */
  bytesUntil(at?: number): number;
  /** Responses started since reset. */
  requests(): number;
  /** The paths (with query strings) requested since reset, in order. */
  paths(): string[];
  /** How many responses since reset had this status (304: the browser's copy still held). */
  statusCount(status: number): number;
  /** The epoch time of the last write since reset, or null. */
  lastWrite(): number | null;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 and counts the bytes of every response, workers' included. */
export async function countingServer(root: string): Promise<CountingServer> {
  const { server, url } = await serveStatic(root);
  let writes: Write[] = [];
  let requests = 0;
  let paths: string[] = [];
  let statuses: number[] = [];
  const sockets = new Set<Socket>();
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    requests++;
    paths.push(request.url ?? "");
    const counted = statuses;
    response.on("finish", () => counted.push(response.statusCode));
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    // Node's HTTP server writes headers and body chunks through socket.write.
    socket.write = ((chunk: unknown, ...rest: unknown[]) => {
      const encoding = typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined;
      const bytes = typeof chunk === "string" ? Buffer.byteLength(chunk, encoding) : (chunk as Uint8Array).byteLength;
      writes.push({ at: epochNow(), bytes });
      return write(chunk, ...rest);
    }) as Socket["write"];
  });
  return {
    url,
    reset() {
      writes = [];
      requests = 0;
      paths = [];
      statuses = [];
    },
    bytesUntil(at = Infinity) {
      let total = 0;
      for (const w of writes) if (w.at <= at) total += w.bytes;
      return total;
    },
    requests: () => requests,
    paths: () => [...paths],
    statusCount: (status) => statuses.filter((s) => s === status).length,
    lastWrite: () => writes.at(-1)?.at ?? null,
    close: () => closeServer(server, sockets),
  };
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
