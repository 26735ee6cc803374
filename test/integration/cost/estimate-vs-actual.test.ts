// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { COST_CASES, type CostIds } from './cost-table.ts';

let t: TestGateway;
const tokens: Record<string, string> = {};
let ids: CostIds;
const rows: string[] = [];

beforeAll(async () => {
  t = await startGateway({ sandbox: { scale: { sources: 5, recordsPerSource: 300 } } });
  for (const who of ['admin', 'account-manager', 'approver'] as const)
    tokens[who] = await t.sandbox.tokenFor(who);
  const admin = { token: tokens.admin };
  const seen = await t.gql(
    `{ nonEmployeeSources(first: 1) { edges { node { iscId } } }
       nonEmployeeRecords(first: 20) { edges { node { id } } }
       nonEmployeeApprovals(first: 1) { edges { node { iscId request { iscId } } } }
       accounts(first: 1) { edges { node { iscId } } } }`,
    {},
    admin,
  );
  const data = seen.data as any;
  const mine = await t.gql(
    '{ nonEmployeeApprovals(requestedFor: "me", approvalStatus: PENDING, first: 1) { edges { node { iscId } } } }',
    {},
    { token: tokens.approver },
  );
  ids = {
    sourceId: data.nonEmployeeSources.edges[0].node.iscId,
    recordIds: data.nonEmployeeRecords.edges.map((edge: any) => edge.node.id),
    recordId: data.nonEmployeeRecords.edges[0].node.id,
    approvalId: data.nonEmployeeApprovals.edges[0].node.iscId,
    requestId: data.nonEmployeeApprovals.edges[0].node.request.iscId,
    accountId: data.accounts.edges[0].node.iscId,
    approverApprovalId: (mine.data as any).nonEmployeeApprovals.edges[0].node.iscId,
  };
});
afterAll(async () => {
  console.log(['| query | estimated | actual (sandbox) |', '| --- | --- | --- |', ...rows].join('\n'));
  await t.close();
});

describe('the estimate against what the sandbox counted', () => {
  it.each(COST_CASES)('$name', async (cost) => {
    const token = tokens[cost.as ?? 'admin'];
    const variables = cost.variables?.(ids) ?? {};
    const { result, stats } = await t.sandbox.callsDuring(() => t.gql(cost.query, variables, { token }));
    const report = result.extensions?.cost as any;
    rows.push(`| ${cost.name} | ${report.estimatedCalls} | ${stats.total} |`);
    expect(report.actualCalls).toBe(stats.total);
    expect(stats.total).toBeLessThanOrEqual(report.estimatedCalls);
    if (cost.exact) expect(stats.total).toBe(report.estimatedCalls);
  });
});
