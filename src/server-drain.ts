import type { Server, ServerResponse } from 'node:http';

export interface Drain {
  /**
   * Stops accepting, answers what is in flight with `Connection: close`, closes each connection
   * once idle. Resolves true when all are closed, false when `timeoutMs` ran out first (the
   * rest are then cut).
   */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Graceful shutdown of an HTTP server whose keep-alive connections may be busy when it begins. */
export function createDrain(server: Server): Drain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  const closeAfter = (res: ServerResponse) => {
    // Before its headers go out a response can still say so; after, the socket is closed when idle.
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) closeAfter(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    drain(timeoutMs) {
      draining = true;
      for (const res of inFlight) closeAfter(res);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve(false);
        }, timeoutMs);
        server.close(() => {
          clearTimeout(timer);
          resolve(true);
        });
        server.closeIdleConnections();
      });
    },
  };
}
