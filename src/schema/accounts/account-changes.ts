import type { AccountEntity } from '../../loaders/entities.ts';
import { builder } from '../builder.ts';

/** A change an account task makes, and how it shows on the account read back (null: gone). */
interface AccountChange {
  description: string;
  shows: (account: AccountEntity | null) => boolean;
}

/** The changes of the state tasks: the mutations wait for them, `accountTask` follows them. */
export const ACCOUNT_CHANGES = {
  ENABLED: { description: 'The account reads enabled.', shows: (account) => account?.disabled === false },
  DISABLED: { description: 'The account reads disabled.', shows: (account) => account?.disabled === true },
  UNLOCKED: { description: 'The account reads unlocked.', shows: (account) => account?.locked === false },
  REMOVED: { description: 'The account is gone from ISC.', shows: (account) => account === null },
} satisfies Record<string, AccountChange>;

export type AccountChangeName = keyof typeof ACCOUNT_CHANGES;

export const AccountChangeEnum = builder.enumType('AccountChange', {
  description: 'A change an account task makes, as it shows on the account.',
  values: Object.fromEntries(
    Object.entries(ACCOUNT_CHANGES).map(([name, change]) => [name, { description: change.description }]),
  ) as Record<AccountChangeName, { description: string }>,
});
