import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

interface Item {
  id: string;
  approvalStatus: string;
  approvalOrder: number;
  approver: { id: string };
}

describe('sandbox NELM approval chain, end to end', () => {
  let sandbox: TestSandbox;
  let admin: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    admin = await sandbox.tokenFor('admin');
    for (const index of [0, 1, 2])
      tokens[`approver${index}`] = await sandbox.tokenFor(sandbox.client('approver', index));
    tokens.user = await sandbox.tokenFor('user');
  });
  afterAll(() => sandbox.close());

  const json = async (response: Response) => ({
    status: response.status,
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field by the assertions
    body: (await response.json()) as any,
  });

  async function createSource(name: string, approvers: string[]) {
    const owner = sandbox.client('source-owner').identityId;
    const { status, body } = await json(
      await sandbox.api('/v3/non-employee-sources', {
        token: admin,
        body: {
          name,
          description: `${name} for the chain test`,
          owner: { id: owner },
          approvers: approvers.map((id) => ({ id })),
          accountManagers: [{ id: sandbox.client('account-manager').identityId }],
        },
      }),
    );
    expect(status).toBe(200);
    return body as { id: string; sourceId: string; cloudExternalId: string };
  }

  const requestBody = (sourceId: string, accountName: string) => ({
    accountName,
    firstName: 'Grace',
    lastName: 'Hopper',
    email: `${accountName}@example.com`,
    phone: '5125550100',
    manager: 'jonas.lindqvist',
    sourceId,
    data: { badge: 'B-1' },
    startDate: '2030-01-06T00:00:00Z',
    endDate: '2030-12-31T00:00:00Z',
  });

  it('runs create source → custom attribute → request → approver 1 → approver 2 → record and account', async () => {
    const [first, second] = [sandbox.client('approver', 0), sandbox.client('approver', 1)];
    const source = await createSource('Chain test contractors', [first.identityId, second.identityId]);
    expect(source.sourceId).toMatch(/^[0-9a-f]{32}$/);

    const attribute = await json(
      await sandbox.api(`/v3/non-employee-sources/${source.id}/schema-attributes`, {
        token: admin,
        body: { type: 'TEXT', label: 'Badge', technicalName: 'badge', required: true },
      }),
    );
    expect(attribute.status).toBe(200);
    expect(attribute.body).toMatchObject({ system: false, technicalName: 'badge', required: true });

    const created = await json(
      await sandbox.api('/v3/non-employee-requests', {
        token: admin,
        body: requestBody(source.id, 'grace.hopper'),
      }),
    );
    expect(created.status).toBe(200);
    expect(created.body.approvalStatus).toBe('PENDING');
    const items = created.body.approvalItems as Item[];
    expect(items.map((i) => [i.approver.id, i.approvalOrder, i.approvalStatus])).toEqual([
      [first.identityId, 1, 'PENDING'],
      [second.identityId, 2, 'NOT_READY'],
    ]);

    // The second approver cannot act before the first.
    const early = await sandbox.api(`/v3/non-employee-approvals/${items[1].id}/approve`, {
      token: tokens.approver1,
      body: {},
    });
    expect(early.status).toBe(400);

    const one = await json(
      await sandbox.api(`/v3/non-employee-approvals/${items[0].id}/approve`, {
        token: tokens.approver0,
        body: { comment: 'Fine by me' },
      }),
    );
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ approvalStatus: 'APPROVED', comment: 'Fine by me' });

    const midway = await json(
      await sandbox.api(`/v3/non-employee-requests/${created.body.id}`, { token: admin }),
    );
    expect(midway.body.approvalStatus).toBe('PENDING');
    expect((midway.body.approvalItems as Item[]).map((i) => i.approvalStatus)).toEqual([
      'APPROVED',
      'PENDING',
    ]);

    const two = await json(
      await sandbox.api(`/v3/non-employee-approvals/${items[1].id}/approve`, {
        token: tokens.approver1,
        body: {},
      }),
    );
    expect(two.status).toBe(200);

    const done = await json(
      await sandbox.api(`/v3/non-employee-requests/${created.body.id}`, { token: admin }),
    );
    expect(done.body.approvalStatus).toBe('APPROVED');
    expect(Date.parse(done.body.completionDate)).not.toBeNaN();

    const records = await json(
      await sandbox.api(
        `/v3/non-employee-records?filters=${encodeURIComponent(`sourceId eq "${source.id}"`)}&count=true`,
        { token: admin },
      ),
    );
    expect(records.body).toHaveLength(1);
    expect(records.body[0]).toMatchObject({
      accountName: 'grace.hopper',
      sourceId: source.id,
      data: { badge: 'B-1' },
    });

    const accounts = await json(
      await sandbox.api(
        `/v3/accounts?filters=${encodeURIComponent(`sourceId eq "${source.sourceId}" and nativeIdentity eq "grace.hopper"`)}`,
        { token: admin },
      ),
    );
    expect(accounts.status).toBe(200);
    expect(accounts.body).toHaveLength(1);
    expect(accounts.body[0]).toMatchObject({ nativeIdentity: 'grace.hopper', sourceId: source.sourceId });
  });

  it('rejects with a comment (required), cancelling the approvers after', async () => {
    const [first, second] = [sandbox.client('approver', 0), sandbox.client('approver', 2)];
    const source = await createSource('Reject test vendors', [first.identityId, second.identityId]);
    const created = await json(
      await sandbox.api('/v3/non-employee-requests', {
        token: admin,
        body: { ...requestBody(source.id, 'alan.turing'), data: {} },
      }),
    );
    const [item] = created.body.approvalItems as Item[];

    const noComment = await json(
      await sandbox.api(`/v3/non-employee-approvals/${item.id}/reject`, {
        token: tokens.approver0,
        body: {},
      }),
    );
    expect(noComment.status).toBe(400);
    expect(noComment.body.messages[0].text).toContain('comment');

    const rejected = await json(
      await sandbox.api(`/v3/non-employee-approvals/${item.id}/reject`, {
        token: tokens.approver0,
        body: { comment: 'No budget' },
      }),
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ approvalStatus: 'REJECTED', comment: 'No budget' });

    const request = await json(
      await sandbox.api(`/v3/non-employee-requests/${created.body.id}`, { token: admin }),
    );
    expect(request.body.approvalStatus).toBe('REJECTED');
    expect((request.body.approvalItems as Item[]).map((i) => i.approvalStatus)).toEqual([
      'REJECTED',
      'CANCELLED',
    ]);
    const records = await json(
      await sandbox.api(
        `/v3/non-employee-records?filters=${encodeURIComponent(`sourceId eq "${source.id}"`)}`,
        {
          token: admin,
        },
      ),
    );
    expect(records.body).toEqual([]);
  });

  it('answers 403 "the current user must be the requested approver" to anyone else, admin included', async () => {
    const approver = sandbox.client('approver', 1);
    const source = await createSource('Forbidden test interns', [approver.identityId]);
    const created = await json(
      await sandbox.api('/v3/non-employee-requests', {
        token: admin,
        body: { ...requestBody(source.id, 'ada.byron'), data: {} },
      }),
    );
    const [item] = created.body.approvalItems as Item[];
    for (const token of [tokens.approver0, tokens.user, admin]) {
      const response = await json(
        await sandbox.api(`/v3/non-employee-approvals/${item.id}/approve`, { token, body: {} }),
      );
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({
        detailCode: '403 Forbidden',
        messages: [{ text: 'The current user must be the requested approver' }],
      });
    }
    const still = await json(await sandbox.api(`/v3/non-employee-approvals/${item.id}`, { token: admin }));
    expect(still.body.approvalStatus).toBe('PENDING');
  });

  it('resolves `me` in lists and summaries from the token', async () => {
    const approver = sandbox.client('approver', 2);
    const mine = await json(
      await sandbox.api(
        '/v3/non-employee-approvals?requested-for=me&filters=approvalStatus%20eq%20%22PENDING%22',
        {
          token: tokens.approver2,
        },
      ),
    );
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBeGreaterThan(0);
    for (const item of mine.body as Item[]) {
      expect(item.approver.id).toBe(approver.identityId);
      expect(item.approvalStatus).toBe('PENDING');
    }
    const summary = await json(
      await sandbox.api('/v3/non-employee-approvals/summary/me', { token: tokens.approver2 }),
    );
    expect(summary.body.pending).toBe(mine.body.length);

    const someoneElse = await sandbox.api(
      `/v3/non-employee-approvals?requested-for=${sandbox.client('approver', 0).identityId}`,
      { token: tokens.approver2 },
    );
    expect(someoneElse.status).toBe(403);

    const managerToken = await sandbox.tokenFor('account-manager');
    const requests = await json(
      await sandbox.api('/v3/non-employee-requests?requested-for=me', { token: managerToken }),
    );
    expect(requests.status).toBe(200);
    expect(requests.body.length).toBeGreaterThan(0);
    const requestSummary = await json(
      await sandbox.api('/v3/non-employee-requests/summary/me', { token: managerToken }),
    );
    // The summary counts the same requests the list shows for `me`.
    expect(requests.body.length).toBeLessThan(250);
    const counted = (status: string) =>
      (requests.body as Item[]).filter((request) => request.approvalStatus === status).length;
    // Its non-employees are the records of the sources the manager manages (the seed makes them own none).
    const managerId = sandbox.client('account-manager').identityId;
    const sources = await json(
      await sandbox.api('/v3/non-employee-sources?non-employee-count=true', { token: admin }),
    );
    const managed = (sources.body as Array<{ nonEmployeeCount: number; accountManagers: { id: string }[] }>)
      .filter((source) => source.accountManagers.some((manager) => manager.id === managerId))
      .reduce((sum, source) => sum + source.nonEmployeeCount, 0);
    expect(managed).toBeGreaterThan(0);
    expect(requestSummary.body).toEqual({
      approved: counted('APPROVED'),
      rejected: counted('REJECTED'),
      pending: counted('PENDING'),
      nonEmployeeCount: managed,
    });
    expect(requestSummary.body.pending).toBeGreaterThan(0);
  });

  it('seeds a pending approval for every approver', async () => {
    for (const index of [0, 1, 2]) {
      const summary = await json(
        await sandbox.api('/v3/non-employee-approvals/summary/me', { token: tokens[`approver${index}`] }),
      );
      expect(summary.body.pending).toBeGreaterThan(0);
    }
  });
});
