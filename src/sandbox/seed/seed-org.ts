import type { ApprovalStatus } from '../../upstream/wire/nelm.ts';
import type { Scale } from '../../upstream/wire/sandbox-scale.ts';
import type {
  ApprovalRow,
  RecordRow,
  RequestRow,
  SchemaAttributeRow,
  SourceRow,
} from '../store/nelm-rows.ts';
import { type NelmStore, SEEDED_ID_PREFIX_LENGTH } from '../store/nelm-store.ts';
import { systemAttributeRows } from '../store/system-attributes.ts';
import type { IdentityRegistry } from './identities.ts';
import { FIRST_NAMES, LAST_NAMES, SOURCE_AREAS, SOURCE_KINDS } from './names.ts';
import { createPrng, type Prng } from './prng.ts';
import { createSeededRecords, SEEDED_CUSTOM_ATTRIBUTES } from './seed-records.ts';

const DAY = 86_400_000;

const CUSTOM_LABELS: Record<string, string> = {
  vendor: 'Vendor',
  department: 'Department',
  location: 'Location',
  costCenter: 'Cost Center',
};

export interface SeedContext {
  store: NelmStore;
  identities: IdentityRegistry;
  seed: number;
  scale: Scale;
  /** Midnight UTC of the day the sandbox started: seeded dates are relative to it. */
  anchor: number;
}

/** One chain outcome per seeded request, so every status shows up on every source. */
type Scenario = 'approved' | 'rejected' | 'pending-first' | 'pending-last' | 'cancelled' | 'not-ready';
const SCENARIOS: readonly Scenario[] = [
  'approved',
  'rejected',
  'pending-first',
  'pending-last',
  'cancelled',
  'not-ready',
];

function rotate<T>(items: readonly T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length]);
}

function customAttributes(prng: Prng, names: readonly string[], at: number): SchemaAttributeRow[] {
  return names.map((technicalName) => ({
    id: prng.uuid(),
    system: false,
    type: 'TEXT',
    label: CUSTOM_LABELS[technicalName] ?? technicalName,
    technicalName,
    helpText: `The ${CUSTOM_LABELS[technicalName]?.toLowerCase() ?? technicalName} of the engagement`,
    required: false,
    created: at,
    modified: at,
  }));
}

function itemStatuses(
  scenario: Scenario,
  chain: number,
): { items: ApprovalStatus[]; request: ApprovalStatus } {
  const all = (status: ApprovalStatus) => Array.from({ length: chain }, () => status);
  switch (scenario) {
    case 'approved':
      return { items: all('APPROVED'), request: 'APPROVED' };
    case 'rejected':
      return { items: ['REJECTED', ...all('CANCELLED').slice(1)], request: 'REJECTED' };
    case 'pending-first':
      return { items: ['PENDING', ...all('NOT_READY').slice(1)], request: 'PENDING' };
    case 'pending-last':
      return { items: [...all('APPROVED').slice(1), 'PENDING'], request: 'PENDING' };
    case 'cancelled':
      return { items: all('CANCELLED'), request: 'CANCELLED' };
    case 'not-ready':
      return { items: all('NOT_READY'), request: 'NOT_READY' };
  }
}

function seedRequests(
  ctx: SeedContext,
  prng: Prng,
  source: SourceRow,
  approvedRecord: RecordRow | undefined,
): void {
  const requesterId = source.accountManagerIds[0] ?? source.ownerId;
  SCENARIOS.forEach((scenario, n) => {
    if (scenario === 'approved' && !approvedRecord) return;
    const created = ctx.anchor - (30 - n * 4) * DAY + prng.int(DAY);
    const first = prng.pick(FIRST_NAMES);
    const last = prng.pick(LAST_NAMES);
    const person = approvedRecord && scenario === 'approved' ? approvedRecord : undefined;
    const accountName = person?.accountName ?? `${first.toLowerCase()}.${last.toLowerCase()}.r${n}`;
    const { items: statuses, request: status } = itemStatuses(scenario, source.approverIds.length);
    const request: RequestRow = {
      id: prng.uuid(),
      sourceId: source.id,
      requesterId,
      accountName,
      firstName: person?.firstName ?? first,
      lastName: person?.lastName ?? last,
      email: person?.email ?? `${accountName}@partners.example.com`,
      phone: person?.phone ?? `512555${String(prng.int(10_000)).padStart(4, '0')}`,
      manager: person?.manager ?? (ctx.identities.byId(requesterId)?.alias || ''),
      data: { ...(person?.data ?? {}) },
      startDate: person?.startDate ?? ctx.anchor + (7 + prng.int(20)) * DAY,
      endDate: person?.endDate ?? ctx.anchor + (120 + prng.int(240)) * DAY,
      approvalStatus: status,
      approvalIds: [],
      created,
      modified: created + DAY,
    };
    const items: ApprovalRow[] = statuses.map((approvalStatus, i) => {
      const decided = approvalStatus === 'APPROVED' || approvalStatus === 'REJECTED';
      return {
        id: prng.uuid(),
        requestId: request.id,
        approverId: source.approverIds[i],
        approvalOrder: i + 1,
        approvalStatus,
        comment:
          approvalStatus === 'REJECTED'
            ? 'Budget for this engagement was not approved.'
            : decided
              ? 'Looks good.'
              : undefined,
        created,
        modified: decided ? created + (i + 1) * 3_600_000 : created,
      };
    });
    request.approvalIds = items.map((item) => item.id);
    if (status === 'APPROVED') request.completionDate = created + items.length * 3_600_000;
    if (status === 'REJECTED') request.comment = items[0]?.comment;
    ctx.store.addRequest(request, items);
  });
}

/** Fills the store with the seeded org: sources, schema attributes, records (virtual), requests. */
export function seedOrg(ctx: SeedContext): void {
  const prng = createPrng(ctx.seed);
  const owners = ctx.identities.withRole('source-owner').map((i) => i.id);
  const approvers = ctx.identities.withRole('approver').map((i) => i.id);
  const managers = ctx.identities.withRole('account-manager');
  const [admin] = ctx.identities.withRole('admin');
  const usedNames = new Set<string>();

  for (let s = 0; s < ctx.scale.sources; s++) {
    const area = SOURCE_AREAS[s % SOURCE_AREAS.length];
    const kind = SOURCE_KINDS[Math.floor(s / SOURCE_AREAS.length) % SOURCE_KINDS.length];
    let name = `${area} ${kind}`;
    if (usedNames.has(name)) name = `${name} ${s + 1}`;
    usedNames.add(name);
    const created = ctx.anchor - (400 - s) * DAY;
    const chain = 1 + ((s + 1) % 3);
    const custom = SEEDED_CUSTOM_ATTRIBUTES.slice(0, 1 + (s % SEEDED_CUSTOM_ATTRIBUTES.length));
    const accountManagers = s % 3 === 2 ? managers : [managers[s % managers.length]];
    // The admin manages a few sources too, so `requested-for=me` means something for the admin's client.
    const adminManages = s % 4 === 0 && admin ? [admin.id] : [];
    const row: SourceRow = {
      id: prng.uuid(),
      iscSourceId: prng.hex(16),
      cloudExternalId: String(100_000 + s),
      name,
      description: `Non-employees engaged as ${kind} for ${area}`,
      ownerId: owners[s % owners.length],
      managementWorkgroup: undefined,
      approverIds: rotate(approvers, s).slice(0, chain),
      accountManagerIds: [...accountManagers.map((m) => m.id), ...adminManages],
      attributes: [
        ...systemAttributeRows(() => prng.uuid(), created),
        ...customAttributes(prng, custom, created),
      ],
      created,
      modified: created,
    };
    const idPrefix = prng.uuid().slice(0, SEEDED_ID_PREFIX_LENGTH);
    const seeded = createSeededRecords({
      key: (ctx.seed * 1_000_003 + s * 7_919) >>> 0,
      count: ctx.scale.recordsPerSource,
      idPrefix,
      sourceCreated: created,
      anchor: ctx.anchor,
      customAttributes: custom,
      managers: accountManagers.map((m) => m.alias),
    });
    const state = ctx.store.addSource(row, seeded, idPrefix);
    seedRequests(ctx, prng, row, state.records.at(0));
  }
}
