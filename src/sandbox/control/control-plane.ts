import { jsonBody } from '../http/body.ts';
import { SandboxError } from '../http/sandbox-error.ts';
import type { SandboxRequest, SandboxResponse } from '../http/types.ts';
import type { DemoClient } from '../seed/identities.ts';
import { type FaultInjector, parseFaultConfig } from './faults.ts';
import type { Stats } from './stats.ts';

export interface ControlPlaneDeps {
  stats: Stats;
  faults: FaultInjector;
  clients: readonly DemoClient[];
  /** Reseeds every module and clears stats, faults and rate-limit windows. */
  reset(): void;
}

type ControlRequest = Pick<SandboxRequest, 'method' | 'headers' | 'body'> & { path: string };

const ok = (body: unknown): SandboxResponse => ({ status: 200, body });

/** `/__sandbox/*`: the unauthenticated knobs tests and benchmarks turn. Never counted in stats. */
export function handleControlRequest(request: ControlRequest, deps: ControlPlaneDeps): SandboxResponse {
  const route = `${request.method} ${request.path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /__sandbox/stats':
      return ok(deps.stats.snapshot());
    case 'POST /__sandbox/stats/reset':
      deps.stats.reset();
      return { status: 204 };
    case 'GET /__sandbox/faults':
      return ok(deps.faults.config);
    case 'PUT /__sandbox/faults':
      deps.faults.set(parseFaultConfig(jsonBody(request as SandboxRequest)));
      return ok(deps.faults.config);
    case 'POST /__sandbox/reset':
      deps.reset();
      return { status: 204 };
    case 'GET /__sandbox/clients':
      return ok(deps.clients);
    default:
      throw new SandboxError(404, '404 Not found', `No control-plane route ${route}.`);
  }
}
