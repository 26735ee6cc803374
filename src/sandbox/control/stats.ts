/** What `GET /__sandbox/stats` answers. */
export interface SandboxStats {
  /** API requests (versioned paths) that reached the sandbox, faulted ones included. */
  total: number;
  /** By method + route template with the version prefix as called: `GET /v3/non-employee-sources/:sourceId`. */
  byRoute: Record<string, number>;
  /** By answered status; dropped connections under `dropped`, hung requests under `hung`. */
  byStatus: Record<string, number>;
  /** `POST /oauth/token` calls, apart from the API's total. */
  tokenRequests: number;
  /** TCP connections accepted, control plane included: what a client's pool opened. */
  connections: number;
  /** The `traceparent` headers of the last API requests that sent one, oldest first. */
  traceparents: string[];
}

/** How many `traceparent` headers the stats keep. */
const TRACEPARENTS_KEPT = 50;

const fresh = (): SandboxStats => ({
  total: 0,
  byRoute: {},
  byStatus: {},
  tokenRequests: 0,
  connections: 0,
  traceparents: [],
});

export function createStats() {
  let stats: SandboxStats = fresh();
  return {
    request(routeKey: string | undefined, traceparent?: string | string[]) {
      stats.total++;
      if (routeKey) stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;
      if (typeof traceparent === 'string') {
        stats.traceparents.push(traceparent.slice(0, 128));
        if (stats.traceparents.length > TRACEPARENTS_KEPT) stats.traceparents.shift();
      }
    },
    outcome(status: number | 'dropped' | 'dropped-after' | 'hung') {
      const key = String(status);
      stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
    },
    tokenRequest() {
      stats.tokenRequests++;
    },
    connection() {
      stats.connections++;
    },
    snapshot(): SandboxStats {
      return structuredClone(stats);
    },
    reset() {
      stats = fresh();
    },
  };
}

export type Stats = ReturnType<typeof createStats>;
