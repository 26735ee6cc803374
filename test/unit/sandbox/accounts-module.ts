import { afterEach, beforeEach, vi } from 'vitest';
import { type AccountsModule, createAccountsModule } from '../../../src/sandbox/accounts/index.ts';
import { isSandboxError } from '../../../src/sandbox/http/sandbox-error.ts';
import type { ApiVersion, SandboxRequest, SandboxResponse } from '../../../src/sandbox/http/types.ts';
import type { RecordDirectory } from '../../../src/sandbox/store/record-directory.ts';
import type { Account } from '../../../src/upstream/wire/accounts.ts';
import { createFakeDirectory } from './fake-directory.ts';

const ADMIN = ['idn:accounts:read', 'idn:accounts:manage'];

interface Call {
  version?: ApiVersion;
  query?: Record<string, string>;
  body?: unknown;
  contentType?: string;
  rights?: string[];
}

type TestDirectory = RecordDirectory & { iscIds: string[] };

export interface AccountsModuleHarness {
  readonly directory: TestDirectory;
  readonly module: AccountsModule;
  /** Calls the route whose template matches `path` (e.g. `/accounts/:id/enable` with params filled). */
  call(
    method: string,
    template: string,
    params?: Record<string, string>,
    options?: Call,
  ): Promise<SandboxResponse>;
  list(filters: string, query?: Record<string, string>): Promise<Account[]>;
  byName(name: string): Promise<Account>;
}

/**
 * An accounts module over 2 sources of 30 records, made afresh for each test on fake timers, its
 * route handlers called directly (a sandbox error becomes its status and body).
 */
export function useAccountsModule(): AccountsModuleHarness {
  let directory: TestDirectory;
  let module: AccountsModule;

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2025, 4, 1) });
    const fake = createFakeDirectory({ sources: 2, records: 30, idStyle: 'hex' });
    directory = { ...fake.directory, iscIds: fake.sources.map((source) => source.iscSourceId) };
    module = createAccountsModule({
      directory,
      now: () => new Date(),
      seed: 3,
      taskDelay: { minMs: 50, maxMs: 300 },
    });
  });
  afterEach(() => {
    module.reset();
    vi.useRealTimers();
  });

  /** Calls the route whose template matches `path` (e.g. `/accounts/:id/enable` with params filled). */
  async function call(
    method: string,
    template: string,
    params: Record<string, string> = {},
    options: Call = {},
  ) {
    const version = options.version ?? 'v3';
    const route = module.routes.find(
      (r) => r.method === method && r.template === template && r.versions.includes(version),
    );
    if (!route) throw new Error(`no route ${method} ${version} ${template}`);
    const body =
      options.body === undefined
        ? Buffer.alloc(0)
        : Buffer.from(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
    const req: SandboxRequest = {
      method,
      version,
      path: template,
      params,
      query: new URLSearchParams(options.query),
      headers:
        options.body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' },
      body,
      caller: {
        identityId: 'caller',
        clientId: 'client',
        rights: new Set(options.rights ?? ADMIN),
        scopes: new Set(['sp:scopes:all']),
        tokenId: 'jti',
      },
    };
    try {
      return await route.handler(req);
    } catch (error) {
      if (isSandboxError(error))
        return {
          status: error.status,
          body: { detailCode: error.detailCode, message: error.message },
        } as SandboxResponse;
      throw error;
    }
  }

  const list = async (filters: string, query: Record<string, string> = {}) =>
    (await call('GET', '/accounts', {}, { query: { filters, ...query } })).body as Account[];
  const byName = async (name: string) => (await list(`nativeIdentity eq "${name}"`))[0];

  return {
    get directory() {
      return directory;
    },
    get module() {
      return module;
    },
    call,
    list,
    byName,
  };
}
