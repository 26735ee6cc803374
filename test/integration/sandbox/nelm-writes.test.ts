import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

interface Source {
  id: string;
  name: string;
  approvers: Array<{ id: string }>;
}

describe('sandbox NELM writes: schema attributes, limits, JSON Patch, deletes', () => {
  let sandbox: TestSandbox;
  let admin: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    admin = await sandbox.tokenFor('admin');
  });
  afterAll(() => sandbox.close());

  const post = (path: string, body: unknown, token = admin) => sandbox.api(path, { token, body });
  const patch = (path: string, ops: unknown, token = admin) =>
    sandbox.api(path, {
      token,
      method: 'PATCH',
      body: JSON.stringify(ops),
      headers: { 'content-type': 'application/json-patch+json' },
    });
  const newSource = async (name: string, extra: Record<string, unknown> = {}) => {
    const response = await post('/v3/non-employee-sources', {
      name,
      description: 'test',
      owner: { id: sandbox.client('source-owner').identityId },
      ...extra,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Source;
  };

  it('starts a source with the 8 system attributes, then at most 10 custom ones', async () => {
    const source = await newSource('Schema limits');
    const base = `/v3/non-employee-sources/${source.id}/schema-attributes`;
    const initial = (await (await sandbox.api(base, { token: admin })).json()) as Array<{
      technicalName: string;
      system: boolean;
    }>;
    expect(initial.map((a) => a.technicalName)).toEqual([
      'accountName',
      'firstName',
      'lastName',
      'email',
      'phone',
      'manager',
      'startDate',
      'endDate',
    ]);
    expect(initial.every((a) => a.system)).toBe(true);

    for (let i = 0; i < 10; i++) {
      expect(
        (await post(base, { type: 'TEXT', label: `Field ${i}`, technicalName: `field${i}` })).status,
      ).toBe(200);
    }
    const duplicate = await post(base, { type: 'TEXT', label: 'Again', technicalName: 'field3' });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toMatchObject({ detailCode: '400.1.409 Reference conflict' });
    const eleventh = await post(base, { type: 'TEXT', label: 'Eleven', technicalName: 'field10' });
    expect(eleventh.status).toBe(400);
    expect(await eleventh.json()).toMatchObject({ detailCode: '400.1.4 Limit violation' });

    const all = (await (await sandbox.api(base, { token: admin })).json()) as Array<{
      id: string;
      system: boolean;
    }>;
    expect(all).toHaveLength(18);
    const systemOne = all[0];
    expect((await sandbox.api(`${base}/${systemOne.id}`, { token: admin, method: 'DELETE' })).status).toBe(
      400,
    );

    const custom = all[8];
    const patched = await patch(`${base}/${custom.id}`, [
      { op: 'replace', path: '/label', value: 'Renamed' },
    ]);
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ label: 'Renamed', technicalName: 'field0' });
    const notPatchable = await patch(`${base}/${custom.id}`, [
      { op: 'replace', path: '/technicalName', value: 'x' },
    ]);
    expect(notPatchable.status).toBe(400);

    expect((await sandbox.api(`${base}/${custom.id}`, { token: admin, method: 'DELETE' })).status).toBe(204);
    expect((await sandbox.api(base, { token: admin, method: 'DELETE' })).status).toBe(204);
    expect(await (await sandbox.api(base, { token: admin })).json()).toHaveLength(8);
  });

  it('takes custom attribute types per version: v3 TEXT only, v2024/v2025 TEXT, DATE, IDENTITY, beta also PHONE, EMAIL', async () => {
    const source = await newSource('Attribute types');
    const takes: Record<string, string[]> = {
      v3: ['TEXT'],
      v2024: ['TEXT', 'DATE', 'IDENTITY'],
      v2025: ['TEXT', 'DATE', 'IDENTITY'],
      beta: ['TEXT', 'DATE', 'IDENTITY', 'PHONE', 'EMAIL'],
    };
    for (const [version, types] of Object.entries(takes)) {
      for (const type of ['TEXT', 'DATE', 'IDENTITY', 'PHONE', 'EMAIL']) {
        const technicalName = `${version}${type}`.toLowerCase();
        const response = await post(`/${version}/non-employee-sources/${source.id}/schema-attributes`, {
          type,
          label: technicalName,
          technicalName,
        });
        expect(response.status, `${type} on ${version}`).toBe(types.includes(type) ? 200 : 400);
        if (response.status !== 200) continue;
        expect(((await response.json()) as { type: string }).type).toBe(type);
        // Ten custom attributes at most: clear them as we go.
        expect(
          (
            await sandbox.api(`/${version}/non-employee-sources/${source.id}/schema-attributes`, {
              token: admin,
              method: 'DELETE',
            })
          ).status,
        ).toBe(204);
      }
    }
  });

  it('limits approvers to 3 and account managers to 10, and names to one per org', async () => {
    const approvers = sandbox.clients
      .slice(0, 4)
      .map((c) => ({ id: c.kind === 'api-client' ? '' : c.identityId }));
    const tooMany = await post('/v3/non-employee-sources', {
      name: 'Too many approvers',
      description: '',
      owner: { id: sandbox.admin.identityId },
      approvers,
    });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ detailCode: '400.1.4 Limit violation' });
    await newSource('Unique name');
    const again = await post('/v3/non-employee-sources', {
      name: 'Unique name',
      description: '',
      owner: { id: sandbox.admin.identityId },
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ detailCode: '400.1.409 Reference conflict' });
  });

  it('limits an org to 50 sources', async () => {
    const count = Number(
      (await sandbox.api('/v3/non-employee-sources?count=true&limit=0', { token: admin })).headers.get(
        'x-total-count',
      ),
    );
    for (let i = count; i < 50; i++) await newSource(`Filler ${i}`);
    const fiftyFirst = await post('/v3/non-employee-sources', {
      name: 'One too many',
      description: '',
      owner: { id: sandbox.admin.identityId },
    });
    expect(fiftyFirst.status).toBe(400);
    expect(await fiftyFirst.json()).toMatchObject({ detailCode: '400.1.4 Limit violation' });
    await sandbox.resetAll();
  });

  it('patches a source on its patchable fields only', async () => {
    const source = await newSource('Patch me');
    const approver = sandbox.client('approver', 2).identityId;
    const ok = await patch(`/v3/non-employee-sources/${source.id}`, [
      { op: 'replace', path: '/name', value: 'Patched' },
      { op: 'add', path: '/approvers/-', value: { id: approver } },
    ]);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      name: 'Patched',
      approvers: [{ type: 'IDENTITY', id: approver }],
    });
    const bad = await patch(`/v3/non-employee-sources/${source.id}`, [
      { op: 'replace', path: '/sourceId', value: 'x' },
    ]);
    expect(bad.status).toBe(400);
    const unknownIdentity = await patch(`/v3/non-employee-sources/${source.id}`, [
      { op: 'add', path: '/approvers/-', value: { id: 'nobody' } },
    ]);
    expect(unknownIdentity.status).toBe(400);
  });

  it('lets a source owner change only the end date of a record', async () => {
    const ownerClient = sandbox.client('source-owner');
    const owner = await sandbox.tokenFor(ownerClient);
    const [source] = (await (
      await sandbox.api('/v3/non-employee-sources?requested-for=me', { token: owner })
    ).json()) as Source[];
    const [record] = (await (
      await sandbox.api(
        `/v3/non-employee-records?limit=1&filters=${encodeURIComponent(`sourceId eq "${source.id}"`)}`,
        {
          token: owner,
        },
      )
    ).json()) as Array<{ id: string; firstName: string }>;
    const endDate = '2031-03-31T00:00:00.000Z';
    const ok = await patch(
      `/v3/non-employee-records/${record.id}`,
      [{ op: 'replace', path: '/endDate', value: endDate }],
      owner,
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: record.id, endDate });
    const refused = await patch(
      `/v3/non-employee-records/${record.id}`,
      [{ op: 'replace', path: '/firstName', value: 'Nope' }],
      owner,
    );
    expect(refused.status).toBe(403);
    const byAdmin = await patch(`/v3/non-employee-records/${record.id}`, [
      { op: 'replace', path: '/firstName', value: 'Yes' },
    ]);
    expect(byAdmin.status).toBe(200);
    const user = await sandbox.tokenFor('user');
    const stranger = await patch(
      `/v3/non-employee-records/${record.id}`,
      [{ op: 'replace', path: '/endDate', value: endDate }],
      user,
    );
    expect(stranger.status).toBe(403);
  });

  it('creates, replaces, deletes and bulk-deletes records', async () => {
    const source = await newSource('Record lifecycle');
    const body = (accountName: string) => ({
      accountName,
      firstName: 'Rec',
      lastName: 'Ord',
      email: `${accountName}@example.com`,
      phone: '5125550199',
      manager: 'amara.okafor',
      sourceId: source.id,
      startDate: '2030-01-01',
      endDate: '2030-12-31',
    });
    const ids: string[] = [];
    for (const name of ['r.one', 'r.two', 'r.three']) {
      const response = await post('/v3/non-employee-records', body(name));
      expect(response.status).toBe(200);
      ids.push(((await response.json()) as { id: string }).id);
    }
    const duplicate = await post('/v3/non-employee-records', body('r.one'));
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toMatchObject({ detailCode: '400.1.409 Reference conflict' });

    const replaced = await sandbox.api(`/v3/non-employee-records/${ids[0]}`, {
      token: admin,
      method: 'PUT',
      body: { ...body('r.one'), lastName: 'Replaced' },
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({
      lastName: 'Replaced',
      startDate: '2030-01-01T00:00:00.000Z',
    });

    expect(
      (await sandbox.api(`/v3/non-employee-records/${ids[0]}`, { token: admin, method: 'DELETE' })).status,
    ).toBe(204);
    expect((await sandbox.api(`/v3/non-employee-records/${ids[0]}`, { token: admin })).status).toBe(404);
    const unknown = await post('/v3/non-employee-records/bulk-delete', { ids: [ids[1], 'missing'] });
    expect(unknown.status).toBe(400);
    expect((await post('/v3/non-employee-records/bulk-delete', { ids: ids.slice(1) })).status).toBe(204);
    const left = await sandbox.api(
      `/v3/non-employee-records?count=true&filters=${encodeURIComponent(`sourceId eq "${source.id}"`)}`,
      { token: admin },
    );
    expect(left.headers.get('x-total-count')).toBe('0');
  });

  it('deletes seeded records and requests; a deleted source takes its records with it', async () => {
    const [source] = (await (
      await sandbox.api('/v3/non-employee-sources?limit=1', { token: admin })
    ).json()) as Source[];
    const filter = encodeURIComponent(`sourceId eq "${source.id}"`);
    const page = (await (
      await sandbox.api(`/v3/non-employee-records?limit=3&filters=${filter}`, { token: admin })
    ).json()) as Array<{
      id: string;
    }>;
    expect(
      (await sandbox.api(`/v3/non-employee-records/${page[1].id}`, { token: admin, method: 'DELETE' }))
        .status,
    ).toBe(204);
    const after = (await (
      await sandbox.api(`/v3/non-employee-records?limit=2&filters=${filter}`, { token: admin })
    ).json()) as Array<{
      id: string;
    }>;
    expect(after.map((r) => r.id)).toEqual([page[0].id, page[2].id]);

    const [request] = (await (
      await sandbox.api(
        `/v3/non-employee-requests?requested-for=${sandbox.client('account-manager').identityId}&limit=1`,
        {
          token: admin,
        },
      )
    ).json()) as Array<{ id: string }>;
    expect(
      (await sandbox.api(`/v3/non-employee-requests/${request.id}`, { token: admin, method: 'DELETE' }))
        .status,
    ).toBe(204);
    expect((await sandbox.api(`/v3/non-employee-requests/${request.id}`, { token: admin })).status).toBe(404);

    expect(
      (await sandbox.api(`/v3/non-employee-sources/${source.id}`, { token: admin, method: 'DELETE' })).status,
    ).toBe(204);
    expect((await sandbox.api(`/v3/non-employee-records/${page[0].id}`, { token: admin })).status).toBe(404);
    await sandbox.resetAll();
  });
});
