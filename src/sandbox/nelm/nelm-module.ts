import { randomBytes, randomUUID } from 'node:crypto';
import type { Scale } from '../../upstream/wire/sandbox-scale.ts';
import type { SandboxModule } from '../http/types.ts';
import type { IdentityRegistry } from '../seed/identities.ts';
import { seedOrg } from '../seed/seed-org.ts';
import { createNelmDirectory } from '../store/nelm-directory.ts';
import { createNelmStore } from '../store/nelm-store.ts';
import type { RecordDirectory } from '../store/record-directory.ts';
import { createApprovalRoutes } from './approval-routes.ts';
import { createBulkRoutes } from './bulk-routes.ts';
import type { NelmContext } from './nelm-context.ts';
import { createRecordRoutes } from './record-routes.ts';
import { createRequestRoutes } from './request-routes.ts';
import { createSchemaRoutes } from './schema-routes.ts';
import { createSourceRoutes } from './source-routes.ts';

export interface NelmModuleDeps {
  identities: IdentityRegistry;
  seed: number;
  scale: Scale;
  now: () => Date;
  /** How long a bulk upload job stays in each state before the next. */
  jobStepMs: number;
}

export interface NelmModule extends SandboxModule {
  directory: RecordDirectory;
}

const DAY = 86_400_000;

/** The Non-Employee Lifecycle Management emulation: its 32 operations under every API version. */
export function createNelmModule(deps: NelmModuleDeps): NelmModule {
  const store = createNelmStore();
  const ctx: NelmContext = {
    store,
    identities: deps.identities,
    now: () => deps.now().getTime(),
    newId: () => randomUUID(),
    newIscId: () => randomBytes(16).toString('hex'),
    jobStepMs: deps.jobStepMs,
  };
  const seed = () => {
    store.clear();
    const anchor = Math.floor(deps.now().getTime() / DAY) * DAY;
    seedOrg({ store, identities: deps.identities, seed: deps.seed, scale: deps.scale, anchor });
  };
  seed();
  return {
    routes: [
      ...createSourceRoutes(ctx),
      ...createSchemaRoutes(ctx),
      ...createRecordRoutes(ctx),
      ...createRequestRoutes(ctx),
      ...createApprovalRoutes(ctx),
      ...createBulkRoutes(ctx),
    ],
    reset: seed,
    directory: createNelmDirectory(store),
  };
}
