import type { SandboxModule } from '../http/types.ts';
import type { Scale } from '../options.ts';
import type { IdentityRegistry } from '../seed/identities.ts';
import type { RecordDirectory } from '../store/record-directory.ts';

export interface NelmModuleDeps {
  identities: IdentityRegistry;
  seed: number;
  scale: Scale;
  now: () => Date;
}

export interface NelmModule extends SandboxModule {
  directory: RecordDirectory;
}

/** The Non-Employee Lifecycle Management emulation. */
export function createNelmModule(_deps: NelmModuleDeps): NelmModule {
  const directory: RecordDirectory = {
    sources: () => [],
    sourceByIscId: () => undefined,
    recordsOnIscSource: () => [],
    recordByAccountName: () => undefined,
    recordById: () => undefined,
  };
  return { routes: [], reset() {}, directory };
}
