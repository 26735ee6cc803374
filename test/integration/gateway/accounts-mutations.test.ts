// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/schema/ids.ts';
import type { NonEmployeeSource } from '../../../src/upstream/wire/nelm.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { type AccountTestKit, createAccountPool, createAccountTestKit } from './account-test-kit.ts';

let t: TestGateway;
let admin: string;
let mutate: AccountTestKit['mutate'];
let source: NonEmployeeSource;
/** Accounts of the first source, handed out so that no two tests touch the same one. */
let take: ReturnType<typeof createAccountPool>;

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
  const kit = createAccountTestKit(t, admin);
  mutate = kit.mutate;
  const first = await kit.firstSourceAccounts();
  source = first.source;
  take = createAccountPool(first.accounts);
});
afterAll(() => t.close());

const TASK_FIELDS = `__typename ... on Error { message code }
  ... on AccountTaskPayload { taskId completion account { iscId disabled locked modified } }`;

const task = (mutation: string, inputType: string) => `mutation($input: ${inputType}!) {
  result: ${mutation}(input: $input) { ${TASK_FIELDS} } }`;

const readAccount = async (id: string) =>
  (await t.gql(`query($id: ID!) { account(id: $id) { disabled locked modified } }`, { id }, { token: admin }))
    .data?.account;

describe('account tasks with waitForCompletion', () => {
  it('disable: the account reads disabled once the task completes, and so does a later query', async () => {
    const account = take((a) => !a.disabled && !a.locked);
    const id = encodeNodeId('Account', account.id as string);
    const result = await mutate(task('disableAccount', 'DisableAccountInput'), {
      input: { id, waitForCompletion: true, forceProvisioning: false, externalVerificationId: 'ext-1' },
    });
    expect(result).toMatchObject({
      __typename: 'DisableAccountPayload',
      completion: 'COMPLETED',
      account: { iscId: account.id, disabled: true },
    });
    expect(typeof result.taskId).toBe('string');
    expect(await readAccount(id)).toMatchObject({ disabled: true });

    const enabled = await mutate(task('enableAccount', 'EnableAccountInput'), {
      input: { id: account.id, waitForCompletion: true },
    });
    expect(enabled).toMatchObject({ completion: 'COMPLETED', account: { disabled: false } });
    expect(await readAccount(id)).toMatchObject({ disabled: false });
  });

  it('unlock: a locked account reads unlocked', async () => {
    const account = take((a) => a.locked);
    const result = await mutate(task('unlockAccount', 'UnlockAccountInput'), {
      input: { id: account.id, unlockIDNAccount: true, waitForCompletion: true },
    });
    expect(result).toMatchObject({ completion: 'COMPLETED', account: { locked: false } });
    expect(await readAccount(account.id as string)).toMatchObject({ locked: false });
  });

  it('reload: completes when the account was read again (a new `modified`)', async () => {
    const account = take();
    const result = await mutate(task('reloadAccount', 'ReloadAccountInput'), {
      input: { id: account.id, waitForCompletion: true },
    });
    expect(result.completion).toBe('COMPLETED');
    expect(result.account.modified).not.toBe(account.modified);
  });

  it('without waiting: PENDING with the task id, and the change shows later', async () => {
    const account = take((a) => !a.disabled);
    const result = await mutate(task('disableAccount', 'DisableAccountInput'), { input: { id: account.id } });
    expect(result).toMatchObject({ __typename: 'DisableAccountPayload', completion: 'PENDING' });
    expect(typeof result.taskId).toBe('string');
    let disabled = false;
    for (let attempt = 0; attempt < 50 && !disabled; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      disabled = (await readAccount(account.id as string)).disabled;
    }
    expect(disabled).toBe(true);
  });

  it("remove (beta): the account is gone, its record's account is null, its siblings keep theirs", async () => {
    const account = take();
    const { result, stats: calls } = await t.sandbox.callsDuring(() =>
      mutate(task('removeAccount', 'RemoveAccountInput'), {
        input: { id: account.id, waitForCompletion: true },
      }),
    );
    expect(result).toMatchObject({ completion: 'COMPLETED', account: null });
    expect(typeof result.taskId).toBe('string');
    expect(calls.byRoute['POST /beta/accounts/:id/remove']).toBe(1);

    const records = await t.gql(
      `query($id: ID!) { nonEmployeeSource(id: $id) { records(first: 250) {
        edges { node { accountName account { nativeIdentity } } } } } }`,
      { id: source.id },
      { token: admin },
    );
    expect(records.errors).toBeUndefined();
    const edges = records.data?.nonEmployeeSource.records.edges as any[];
    const removed = edges.find((edge) => edge.node.accountName === account.nativeIdentity);
    expect(removed.node.account).toBeNull();
    const siblings = edges.filter((edge) => edge !== removed);
    expect(siblings.length).toBeGreaterThan(0);
    expect(siblings.every((edge) => edge.node.account?.nativeIdentity === edge.node.accountName)).toBe(true);
  });
});

describe('create, update and delete', () => {
  it('creates an account on the source behind a non-employee source, updates it, deletes it', async () => {
    const created = await mutate(
      `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
        __typename ... on Error { message } ... on CreateAccountPayload { taskId completion
          account { iscId nativeIdentity sourceId attributes } } } }`,
      {
        input: {
          sourceId: encodeNodeId('NonEmployeeSource', source.id as string),
          attributes: { accountName: 'grace.hopper.x', firstname: 'Grace', lastname: 'Hopper' },
          waitForCompletion: true,
        },
      },
    );
    expect(created).toMatchObject({
      __typename: 'CreateAccountPayload',
      completion: 'COMPLETED',
      account: { nativeIdentity: 'grace.hopper.x', sourceId: source.sourceId },
    });
    const id = created.account.iscId as string;

    const updated = await mutate(
      `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) {
        __typename ... on Error { message } ... on UpdateAccountPayload { completion account { attributes } } } }`,
      {
        input: {
          id,
          attributes: { title: 'Contractor', firstname: null },
          patch: [{ op: 'ADD', path: '/attributes/department', value: 'Ops' }],
          waitForCompletion: true,
        },
      },
    );
    expect(updated).toMatchObject({ __typename: 'UpdateAccountPayload', completion: 'COMPLETED' });
    expect(updated.account.attributes).toMatchObject({ title: 'Contractor', department: 'Ops' });
    expect(updated.account.attributes.firstname).toBeUndefined();

    const { result: replaced, stats } = await t.sandbox.callsDuring(() =>
      mutate(
        `mutation($input: ReplaceAccountInput!) { replaceAccount(input: $input) {
          __typename ... on Error { message } ... on ReplaceAccountPayload { completion account { attributes } } } }`,
        {
          input: {
            id,
            attributes: { accountName: 'grace.hopper.x', lastname: 'Hopper' },
            waitForCompletion: true,
          },
        },
      ),
    );
    expect(replaced).toMatchObject({ __typename: 'ReplaceAccountPayload', completion: 'COMPLETED' });
    // A replacement drops what it leaves out.
    expect(replaced.account.attributes).toEqual({ accountName: 'grace.hopper.x', lastname: 'Hopper' });
    expect(stats.byRoute['PUT /v3/accounts/:id']).toBe(1);

    const deleted = await mutate(task('deleteAccount', 'DeleteAccountInput'), {
      input: { id, waitForCompletion: true },
    });
    expect(deleted).toMatchObject({
      __typename: 'DeleteAccountPayload',
      completion: 'COMPLETED',
      account: null,
    });
    expect(await readAccount(id)).toBeNull();
  });

  it('moves an account to another identity; it reads manually correlated', async () => {
    const [account, other] = [take((a) => !!a.identityId), take((a) => !!a.identityId)];
    const result = await mutate(
      `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) {
        ... on UpdateAccountPayload { taskId completion account { identityId manuallyCorrelated } } } }`,
      { input: { id: account.id, identityId: other.identityId, waitForCompletion: true } },
    );
    expect(result).toMatchObject({
      completion: 'COMPLETED',
      account: { identityId: other.identityId, manuallyCorrelated: true },
    });
  });
});

describe('expected failures are typed results', () => {
  it('an unknown account is NotFoundError; a caller without rights ForbiddenError', async () => {
    const unknown = await mutate(task('disableAccount', 'DisableAccountInput'), {
      input: { id: '0000000000000000000000000000beef' },
    });
    expect(unknown).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });

    const user = await t.sandbox.tokenFor('user');
    const account = take();
    const forbidden = await mutate(
      task('unlockAccount', 'UnlockAccountInput'),
      { input: { id: account.id } },
      user,
    );
    expect(forbidden).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });

  it('bad input is a ValidationError naming the field, sent nowhere', async () => {
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const wrongType = await mutate(
        `mutation($input: EnableAccountInput!) { r: enableAccount(input: $input) {
          __typename ... on ValidationError { path } } }`,
        { input: { id: encodeNodeId('NonEmployeeRecord', 'abc') } },
      );
      expect(wrongType).toEqual({ __typename: 'ValidationError', path: ['input', 'id'] });

      const nothing = await mutate(
        `mutation($input: UpdateAccountInput!) { r: updateAccount(input: $input) { __typename ... on ValidationError { path } } }`,
        { input: { id: '0000000000000000000000000000beef' } },
      );
      expect(nothing).toEqual({ __typename: 'ValidationError', path: ['input'] });

      const badPointer = await mutate(
        `mutation($input: UpdateAccountInput!) { r: updateAccount(input: $input) { __typename ... on ValidationError { path } } }`,
        {
          input: {
            id: '0000000000000000000000000000beef',
            patch: [{ op: 'ADD', path: 'attributes', value: 1 }],
          },
        },
      );
      expect(badPointer).toEqual({ __typename: 'ValidationError', path: ['input', 'patch', '0', 'path'] });

      const noIdentities = await mutate(
        `mutation($input: EnableAccountsForIdentitiesInput!) { r: enableAccountsForIdentities(input: $input) {
          __typename ... on ValidationError { path } } }`,
        { input: { identityIds: [] } },
      );
      expect(noIdentities).toEqual({ __typename: 'ValidationError', path: ['input', 'identityIds'] });

      const badAttributes = await mutate(
        `mutation($input: CreateAccountInput!) { r: createAccount(input: $input) { __typename ... on ValidationError { path } } }`,
        { input: { sourceId: source.sourceId, attributes: { accountName: 7 } } },
      );
      expect(badAttributes).toEqual({
        __typename: 'ValidationError',
        path: ['input', 'attributes', 'accountName'],
      });
    });
    expect(calls.total).toBe(0);
  });

  it("the source's refusal of a patch is a ValidationError", async () => {
    const account = take();
    const refused = await mutate(
      `mutation($input: UpdateAccountInput!) { r: updateAccount(input: $input) {
        __typename ... on ValidationError { message path } } }`,
      { input: { id: account.id, patch: [{ op: 'REPLACE', path: '/nativeIdentity', value: 'x' }] } },
    );
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.message).toContain('nativeIdentity');
  });
});
