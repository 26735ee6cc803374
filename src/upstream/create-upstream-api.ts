/**
 * `createUpstreamApi`: the UpstreamApi bound to one caller's token, composed from one module
 * per resource. The operations are built once per API version and shared; a request's API is
 * an object with them as its prototype and its own HTTP binding (token, signal, throttle), so
 * building one costs an object, not ~50 closures.
 */
import type { UpstreamApi } from './api.ts';
import {
  createUpstreamHttp,
  type UpstreamApiVersion,
  type UpstreamHttp,
  type UpstreamHttpOptions,
} from './http-client.ts';
import { createAccountOperations } from './operations/accounts.ts';
import { createIdentitiesAccountOperations } from './operations/identities-accounts.ts';
import { createNonEmployeeApprovalOperations } from './operations/non-employee-approvals.ts';
import { createNonEmployeeRecordOperations } from './operations/non-employee-records.ts';
import { createNonEmployeeRequestOperations } from './operations/non-employee-requests.ts';
import { createNonEmployeeSchemaAttributeOperations } from './operations/non-employee-schema-attributes.ts';
import { createNonEmployeeSourceOperations } from './operations/non-employee-sources.ts';

export interface UpstreamApiOptions extends UpstreamHttpOptions {
  /** Version the NELM paths go under; accounts use v3, remove and identities-accounts beta (v2025 under v2025). @default 'v3' */
  apiVersion?: UpstreamApiVersion;
}

const surfaces = new Map<UpstreamApiVersion, UpstreamApi>();

/** Every operation for one NELM version, built on first use and shared by all requests. */
function surfaceOf(nelmVersion: UpstreamApiVersion): UpstreamApi {
  let surface = surfaces.get(nelmVersion);
  if (!surface) {
    const context = { nelmVersion };
    surface = Object.freeze({
      ...createNonEmployeeSourceOperations(context),
      ...createNonEmployeeSchemaAttributeOperations(context),
      ...createNonEmployeeRecordOperations(context),
      ...createNonEmployeeRequestOperations(context),
      ...createNonEmployeeApprovalOperations(context),
      ...createAccountOperations(),
      ...createIdentitiesAccountOperations(context),
    });
    surfaces.set(nelmVersion, surface);
  }
  return surface;
}

/** The shared operations of `apiVersion`, calling through `http`. */
export const bindUpstreamApi = (http: UpstreamHttp, apiVersion: UpstreamApiVersion = 'v3'): UpstreamApi =>
  Object.create(surfaceOf(apiVersion), { http: { value: http } }) as UpstreamApi;

export const createUpstreamApi = (options: UpstreamApiOptions): UpstreamApi =>
  bindUpstreamApi(createUpstreamHttp(options), options.apiVersion);
