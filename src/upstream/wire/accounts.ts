/** Wire shapes of ISC's Accounts API (v3, plus the beta-only operations). */

export interface BaseReference {
  type?: string;
  id?: string;
  name?: string | null;
}

export interface Recommendation {
  type: 'HUMAN' | 'MACHINE';
  method: 'DISCOVERY' | 'SOURCE' | 'CRITERIA';
}

export type AccountOrigin = 'AGGREGATED' | 'PROVISIONED' | null;

export interface Account {
  id?: string;
  name: string | null;
  created?: string;
  modified?: string;
  sourceId: string;
  sourceName: string | null;
  identityId?: string;
  cloudLifecycleState?: string | null;
  identityState?: string | null;
  connectionType?: string | null;
  isMachine?: boolean;
  recommendation?: Recommendation | null;
  attributes: Record<string, unknown> | null;
  authoritative: boolean;
  description?: string | null;
  disabled: boolean;
  locked: boolean;
  nativeIdentity: string;
  systemAccount: boolean;
  uncorrelated: boolean;
  uuid?: string | null;
  manuallyCorrelated: boolean;
  hasEntitlements: boolean;
  identity?: BaseReference;
  sourceOwner?: BaseReference | null;
  features?: string | null;
  origin?: AccountOrigin;
  ownerIdentity?: BaseReference | null;
}

export interface EntitlementOwner {
  id?: string;
  type?: 'IDENTITY';
  name?: string;
}

export interface PermissionDto {
  rights?: string[];
  target?: string;
}

export interface Entitlement {
  id?: string;
  name?: string;
  created?: string;
  modified?: string;
  attribute?: string | null;
  value?: string;
  sourceSchemaObjectType?: string;
  privileged?: boolean;
  cloudGoverned?: boolean;
  description?: string | null;
  requestable?: boolean;
  attributes?: Record<string, unknown>;
  source?: { id?: string; type?: string; name?: string | null };
  owner?: EntitlementOwner | null;
  additionalOwners?: { type?: 'IDENTITY' | 'GOVERNANCE_GROUP'; id?: string; name?: string | null }[] | null;
  directPermissions?: PermissionDto[];
  segments?: string[] | null;
  manuallyUpdatedFields?: Record<string, unknown> | null;
  accessModelMetadata?: { attributes?: unknown[] | null } | null;
}

/** Body of create: `attributes.sourceId` is required. */
export interface AccountAttributesCreate {
  attributes: { sourceId: string } & Record<string, unknown>;
}

/** Body of put. */
export interface AccountAttributes {
  attributes: Record<string, unknown>;
}

export interface AccountToggleRequest {
  externalVerificationId?: string;
  forceProvisioning?: boolean;
}

export interface AccountUnlockRequest {
  externalVerificationId?: string;
  unlockIDNAccount?: boolean;
  forceProvisioning?: boolean;
}

/** The 202 answer of the asynchronous account operations. */
export interface AccountsAsyncResult {
  id: string;
}

/** The 202 answer of beta `POST /accounts/{id}/remove`. */
export interface TaskResultDto {
  type?: 'TASK_RESULT';
  id?: string;
  name?: string | null;
}

export interface IdentitiesAccountsBulkRequest {
  identityIds?: string[];
}

/** One entry of the 207 answer of the identity-level bulk enable/disable. */
export interface BulkIdentitiesAccountsResponse {
  id?: string;
  statusCode?: number;
  message?: string | null;
}

export type AccountDetailLevel = 'SLIM' | 'FULL';
