import {
  AccountsApi,
  AccountsBetaApi,
  Configuration,
  NonEmployeeLifecycleManagementApi,
} from 'sailpoint-api-client';
import { expect } from 'vitest';
import { type DemoClient, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';
import { ERROR_RESPONSE, UNAUTHORIZED } from './error-shapes.ts';
import { type Shape, shapeErrors } from './shape.ts';

/** What the SDK resolves with (an axios response), as far as the contract test reads it. */
export interface SdkResponse<T = unknown> {
  status: number;
  data: T;
  headers: unknown;
}

export interface SdkClients {
  configuration: Configuration;
  nelm: NonEmployeeLifecycleManagementApi;
  accounts: AccountsApi;
  accountsBeta: AccountsBetaApi;
}

/**
 * The SDK set up as a user sets it up for a tenant: the tenant's base URL, its token URL and a
 * client's credentials. Passing them explicitly keeps the SDK from reading SAIL_* variables or
 * config files; the SDK fetches its own token (client credentials, multipart) right away.
 */
export function createSdkClients(baseUrl: string, client: Pick<DemoClient, 'clientId' | 'clientSecret'>) {
  return sdkClientsFor(
    new Configuration({
      baseurl: baseUrl,
      tokenUrl: `${baseUrl}/oauth/token`,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
    }),
  );
}

export interface ContractSandbox {
  sandbox: TestSandbox;
  admin: SdkClients;
  /** A client without any right. */
  user: SdkClients;
}

/** A sandbox on port 0 without a rate limit, and the SDK as its admin and as a user. */
export async function startContractSandbox(): Promise<ContractSandbox> {
  const sandbox = await startSandbox({ rateLimit: 0 });
  return {
    sandbox,
    admin: createSdkClients(sandbox.url, sandbox.admin),
    user: createSdkClients(sandbox.url, sandbox.client('user')),
  };
}

/** The SDK with a bearer token given as is, as with a personal access token. */
export function createSdkClientsWithToken(baseUrl: string, accessToken: string): SdkClients {
  return sdkClientsFor(new Configuration({ baseurl: baseUrl, accessToken }));
}

/** A failed SDK call with only its HTTP answer: the axios error also holds the request and its bearer token. */
export class SdkCallError extends Error {
  readonly response: SdkResponse | undefined;

  constructor(message: string, response?: SdkResponse) {
    super(message);
    this.name = 'SdkCallError';
    this.response = response;
  }
}

function withoutCredentials(error: unknown): SdkCallError {
  const response = (error as { response?: SdkResponse } | null)?.response;
  if (response && typeof response.status === 'number') {
    const { status, headers, data } = response;
    return new SdkCallError(`answered ${status} ${JSON.stringify(data)}`, { status, headers, data });
  }
  return new SdkCallError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

/** The API object, its rejections turned into SdkCallErrors so no test report can print a token. */
function guarded<T extends object>(api: T): T {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw withoutCredentials(error);
            })
          : result;
      };
    },
  });
}

function sdkClientsFor(configuration: Configuration): SdkClients {
  // axios-retry would repeat idempotent calls on 5xx and network errors: every answer must be seen once.
  configuration.retriesConfig = { retries: 0 };
  // A proxy from the environment must not sit between the SDK and a sandbox on the loopback.
  configuration.baseOptions = { proxy: false };
  return {
    configuration,
    nelm: guarded(new NonEmployeeLifecycleManagementApi(configuration)),
    accounts: guarded(new AccountsApi(configuration)),
    accountsBeta: guarded(new AccountsBetaApi(configuration)),
  };
}

/** A response header, by its lower-case name. */
export const headerOf = (response: SdkResponse, name: string): string | undefined => {
  const value = (response.headers as Record<string, unknown>)[name];
  return value === undefined || value === null ? undefined : String(value);
};

/** The HTTP answer of a failed SDK call; a call that got none (no token, no connection) fails the test. */
export function answerOf(error: unknown, operationId: string): SdkResponse {
  const answer = withoutCredentials(error);
  if (!answer.response) throw new Error(`${operationId} got no HTTP answer (${answer.message})`);
  return answer.response;
}

const describeAnswer = (answer: SdkResponse) => `${answer.status} ${JSON.stringify(answer.data)}`;

type CoveredPath = 'success' | 'failure';

/**
 * Calls SDK operations on a success or a failure path, checks status and body shape, and keeps the
 * table of which operation was seen on which path. Shape departures are soft failures, so one bad
 * body does not hide the calls after it.
 */
export function createContractRecorder(operationIds: readonly string[]) {
  const covered = new Map(operationIds.map((id) => [id, new Set<CoveredPath>()]));
  const mark = (operationId: string, path: CoveredPath) => {
    const paths = covered.get(operationId);
    if (!paths) throw new Error(`${operationId} is not an operation of this suite`);
    paths.add(path);
  };

  return {
    /** The call must succeed with `status`; its body must fit `shape` when one is given. */
    async succeeds<T>(
      operationId: string,
      status: number,
      call: () => Promise<SdkResponse<T>>,
      shape?: Shape,
    ): Promise<SdkResponse<T>> {
      let response: SdkResponse<T>;
      try {
        response = await call();
      } catch (error) {
        const answer = answerOf(error, operationId);
        throw new Error(`${operationId} should answer ${status}, answered ${describeAnswer(answer)}`);
      }
      expect(response.status, `${operationId} status`).toBe(status);
      mark(operationId, 'success');
      if (shape) expect.soft(shapeErrors(response.data, shape), `${operationId} ${status} body`).toEqual([]);
      return response;
    },

    /** The call must fail with `status` and an ErrorResponseDto (`{ error }` for a 401). */
    async fails(
      operationId: string,
      status: number,
      call: () => Promise<SdkResponse>,
    ): Promise<SdkResponse<Record<string, unknown>>> {
      const answer = await call().then(
        (response) => {
          throw new Error(`${operationId} should fail with ${status}, answered ${describeAnswer(response)}`);
        },
        (error: unknown) => answerOf(error, operationId),
      );
      expect(answer.status, `${operationId} ${describeAnswer(answer)}`).toBe(status);
      mark(operationId, 'failure');
      const shape = status === 401 ? UNAUTHORIZED : ERROR_RESPONSE;
      expect.soft(shapeErrors(answer.data, shape), `${operationId} ${status} body`).toEqual([]);
      return answer as SdkResponse<Record<string, unknown>>;
    },

    /** `operationId (path)` for every operation not yet seen on a success and on a failure path. */
    uncovered(): string[] {
      const missing: string[] = [];
      for (const [operationId, paths] of covered) {
        for (const path of ['success', 'failure'] as const) {
          if (!paths.has(path)) missing.push(`${operationId} (${path})`);
        }
      }
      return missing;
    },
  };
}

export type ContractRecorder = ReturnType<typeof createContractRecorder>;

/** The first detail code and message text of an ErrorResponseDto. */
export function errorDetail(body: Record<string, unknown>): { detailCode: unknown; text: unknown } {
  const messages = body.messages as Array<{ text?: unknown }> | undefined;
  return { detailCode: body.detailCode, text: messages?.[0]?.text };
}

/**
 * Reads until `done` holds, for effects a tenant applies after answering (account tasks, upload
 * jobs). Bounded by a number of reads (at least 10 s of them), not by a clock.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < 500 && !done(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}
