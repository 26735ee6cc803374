import { API_VERSIONS } from '../../upstream/wire/common.ts';
import type { ApiVersion } from '../http/types.ts';
import type { IdentityRegistry } from '../seed/identities.ts';
import type { NelmStore } from '../store/nelm-store.ts';

/** What every NELM route handler works with. */
export interface NelmContext {
  store: NelmStore;
  identities: IdentityRegistry;
  /** Epoch milliseconds. */
  now(): number;
  /** A fresh UUID for new objects. */
  newId(): string;
  /** A fresh 32-hex ISC id (new sources' `sourceId`). */
  newIscId(): string;
  /** How long a bulk upload job stays PENDING, then IN_PROGRESS (`bulkUploadStepMs`). */
  jobStepMs: number;
}

/** Every NELM path answers under every version. */
export const NELM_VERSIONS: readonly ApiVersion[] = API_VERSIONS;
