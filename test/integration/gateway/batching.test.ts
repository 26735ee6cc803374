// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

let t: TestGateway;
let admin: string;
/** Requests are listed `requested-for` someone: an account manager has many. */
let manager: string;

beforeAll(async () => {
  t = await startGateway({ sandbox: { scale: { sources: 50, recordsPerSource: 20 } } });
  admin = await t.sandbox.tokenFor('admin');
  manager = await t.sandbox.tokenFor('account-manager');
});
afterAll(() => t.close());

/** Runs a query and returns its data and the API calls that reached the sandbox. */
const measure = (query: string, variables: Record<string, unknown> = {}, token = admin) =>
  t.measure(query, variables, { token });

describe('batching, counted at the sandbox', () => {
  it('50 sources with nonEmployeeCount: 1 call', async () => {
    const { data, calls } = await measure(
      `{ nonEmployeeSources(first: 50) { edges { node { name nonEmployeeCount } } } }`,
    );
    expect(data.nonEmployeeSources.edges).toHaveLength(50);
    expect(data.nonEmployeeSources.edges.every((edge: any) => edge.node.nonEmployeeCount === 20)).toBe(true);
    expect(calls).toBe(1);
  });

  it('the sources of 250 records, with counts: one records page + one sources list', async () => {
    const { data, calls, byRoute } = await measure(
      `{ nonEmployeeRecords(first: 250) { edges { node { accountName source { name nonEmployeeCount } } } } }`,
    );
    const names = new Set(data.nonEmployeeRecords.edges.map((edge: any) => edge.node.source.name));
    expect(names.size).toBeGreaterThan(1);
    expect(calls).toBe(2);
    expect(byRoute['GET /v3/non-employee-sources']).toBe(1);
  });

  it('approvals inbox (50 approvals, request account name, source name): at most distinct requests + 1', async () => {
    const { data, calls } = await measure(
      `{ nonEmployeeApprovals(first: 50) { edges { node { id request { accountName source { name } } } } } }`,
    );
    const edges = data.nonEmployeeApprovals.edges;
    expect(edges).toHaveLength(50);
    const distinctRequests = new Set(edges.map((edge: any) => edge.node.request.accountName)).size;
    expect(edges.every((edge: any) => edge.node.request.source.name)).toBe(true);
    expect(calls).toBeLessThanOrEqual(distinctRequests + 1);
  });

  it("an approval answers its request's id, account name and requester with no call", async () => {
    const lite = await measure(
      `{ nonEmployeeApprovals(first: 20) { edges { node { request { iscId accountName requester { id } } } } } }`,
    );
    expect(lite.calls).toBe(1);
    const full = await measure(
      `{ nonEmployeeApprovals(first: 20) { edges { node { request { iscId accountName requester { id } firstName } } } } }`,
    );
    const strip = (edges: any[]) =>
      edges.map(({ node: { request } }) => ({ ...request, firstName: undefined }));
    expect(strip(lite.data.nonEmployeeApprovals.edges)).toEqual(strip(full.data.nonEmployeeApprovals.edges));
    expect(lite.data.nonEmployeeApprovals.edges.every((edge: any) => edge.node.request.requester.id)).toBe(
      true,
    );
    expect(full.calls).toBeGreaterThan(1);
  });

  it('dashboard: within 2 calls of the minimum the API allows', async () => {
    const { data, calls } = await measure(`{
      nonEmployeeSources(first: 50) { totalCount edges { node { name nonEmployeeCount } } }
      nonEmployeeRequestSummary { approved rejected pending nonEmployeeCount }
      nonEmployeeApprovalSummary { approved pending rejected }
      nonEmployeeApprovals(first: 10, approvalStatus: PENDING) {
        edges { node { approvalOrder request { iscId accountName firstName lastName source { name } } } } } }`);
    const requests = new Set(data.nonEmployeeApprovals.edges.map((edge: any) => edge.node.request.iscId));
    // The API has no batch read of requests by id (its filters take only sourceId), so the minimum is:
    // 1 sources list (counts and total in the same call) + 2 summaries + 1 approvals list + 1 get per request.
    const minimum = 1 + 2 + 1 + requests.size;
    expect(data.nonEmployeeApprovals.edges).toHaveLength(10);
    expect(calls).toBeLessThanOrEqual(minimum + 2);
    expect(calls).toBe(minimum);
  });

  it("a request's embedded source answers id, sourceId, name and description with no call", async () => {
    const { data, calls } = await measure(
      `{ nonEmployeeRequests(first: 10) { edges { node { source { id iscId sourceId name description } } } } }`,
      {},
      manager,
    );
    expect(data.nonEmployeeRequests.edges.length).toBeGreaterThan(0);
    expect(calls).toBe(1);
    const full = await measure(
      `{ nonEmployeeRequests(first: 10) { edges { node { source { created } } } } }`,
    );
    expect(full.calls).toBe(2);
  });

  it('makes an identical call once inside an operation', async () => {
    const { data, calls } = await measure(`{
      a: nonEmployeeRecords(first: 5) { edges { node { iscId } } }
      b: nonEmployeeRecords(first: 5) { edges { node { iscId accountName } } }
      s1: nonEmployeeSources(first: 3) { edges { node { name } } }
      s2: nonEmployeeSources(first: 3) { edges { node { description } } } }`);
    expect(data.a.edges.map((edge: any) => edge.node.iscId)).toEqual(
      data.b.edges.map((edge: any) => edge.node.iscId),
    );
    expect(calls).toBe(2);
  });

  it('primes by-id loaders from lists: a listed request reached again through its approvals costs nothing', async () => {
    const { data, calls } = await measure(
      `{ nonEmployeeRequests(first: 10) { edges { node { iscId approvals { request { iscId accountName } } } } } }`,
      {},
      manager,
    );
    expect(data.nonEmployeeRequests.edges.length).toBeGreaterThan(0);
    const approvals = data.nonEmployeeRequests.edges.flatMap((edge: any) =>
      edge.node.approvals.map((approval: any) => [approval.request.iscId, edge.node.iscId]),
    );
    expect(approvals.length).toBeGreaterThan(0);
    for (const [reached, listed] of approvals) expect(reached).toBe(listed);
    expect(calls).toBe(1);
  });
});
