import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  /** The Host header's name without port (several names may point at one server). */
  host: string;
  headers: IncomingHttpHeaders;
  /** Wall time the request arrived, ms since epoch. */
  at: number;
}

export interface RouteContext {
  /** Base URL of this server, `http://127.0.0.1:PORT` (or its other loopback address). */
  origin: string;
  port: number;
}

export type Route = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
) => void | Promise<void>;

export interface FakeHttpServer {
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** Adds or replaces the handler of one path (without query string). */
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1 (or another loopback address, so tests get several hosts)
 * with a route table and a log of every request.
 */
export async function startFakeHttpServer(
  routes: Record<string, Route> = {},
  fallback?: Route,
  options: { host?: string } = {},
): Promise<FakeHttpServer> {
  const address = options.host ?? "127.0.0.1";
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let ctx: RouteContext = { origin: "", port: 0 };
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    requests.push({
      method: req.method ?? "GET",
      path,
      host,
      headers: req.headers,
      at: Date.now(),
    });
    const handler = table.get(path) ?? fallback;
    if (!handler) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    Promise.resolve(handler(req, res, ctx)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const port = (server.address() as AddressInfo).port;
  ctx = { origin: `http://${address}:${port}`, port };
  return {
    origin: ctx.origin,
    port,
    requests,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
