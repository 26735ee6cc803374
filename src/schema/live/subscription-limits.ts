import { createGraphQLError } from 'graphql-yoga';

export interface SubscriptionLimitsOptions {
  /** Open subscriptions per client connection. @default as `SUBSCRIPTIONS_PER_CONNECTION` */
  perConnection: number;
  /** Open subscriptions per principal. @default as `SUBSCRIPTIONS_PER_PRINCIPAL` */
  perPrincipal: number;
}

export interface SubscriptionLimits {
  /** Counts one more subscription, or throws `SUBSCRIPTION_LIMIT`; the answer releases it. */
  admit(principal: string, connection: object | null): () => void;
  /** Subscriptions open now for a principal. */
  openFor(principal: string): number;
}

const limitError = (what: string, limit: number) =>
  createGraphQLError(`At most ${limit} subscriptions may be open ${what}; close one first.`, {
    extensions: { code: 'SUBSCRIPTION_LIMIT', limit },
  });

/** Counts open subscriptions per principal and per connection, releasing each once. */
export function createSubscriptionLimits(options: SubscriptionLimitsOptions): SubscriptionLimits {
  const byPrincipal = new Map<string, number>();
  const byConnection = new WeakMap<object, number>();
  return {
    admit(principal, connection) {
      const mine = byPrincipal.get(principal) ?? 0;
      if (mine >= options.perPrincipal) throw limitError('per principal', options.perPrincipal);
      const onConnection = connection ? (byConnection.get(connection) ?? 0) : 0;
      if (connection && onConnection >= options.perConnection) {
        throw limitError('per connection', options.perConnection);
      }
      byPrincipal.set(principal, mine + 1);
      if (connection) byConnection.set(connection, onConnection + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (byPrincipal.get(principal) ?? 1) - 1;
        if (left > 0) byPrincipal.set(principal, left);
        else byPrincipal.delete(principal);
        if (connection) byConnection.set(connection, Math.max(0, (byConnection.get(connection) ?? 1) - 1));
      };
    },
    openFor: (principal) => byPrincipal.get(principal) ?? 0,
  };
}
